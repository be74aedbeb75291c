import { Controller, Get, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse, ZodSerializerDto } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, ofResource } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams } from '../../common/id-params.schema.js';
import { attachmentDisposition, servedContentType } from './content-type.js';
import { EvidenceListQuery, EvidencePage, EvidenceUploadResult } from './evidence.schemas.js';
import { EvidenceService } from './evidence.service.js';

@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /**
   * Streams one file (multipart field `file`, after the text fields) to the evidence store. The content type is
   * detected from the bytes; the same bytes uploaded again are stored once (`storage: reused`).
   */
  @Post('programs/:id/evidence')
  @Allow('evidence.upload', ofResource('program'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        title: { type: 'string', maxLength: 200, description: 'Defaults to the file name' },
        taskId: { type: 'string', format: 'uuid', description: 'A remediation task of this program' },
        requirementId: { type: 'string', description: 'A catalog requirement, e.g. iso27001:A.5.15' },
        auditId: { type: 'string', description: 'The workflow’s audit id, e.g. stage1' },
        file: { type: 'string', format: 'binary', description: 'Send it after the text fields' },
      },
    },
  })
  @ZodSerializerDto(EvidenceUploadResult)
  @ApiCreatedResponse({ type: EvidenceUploadResult.Output, description: 'Stored and linked' })
  @ApiOkResponse({
    type: EvidenceUploadResult.Output,
    description: 'The same bytes with the same links were already there; the earlier evidence is returned',
  })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse.Output, description: 'Larger than EVIDENCE_MAX_BYTES' })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'The task is no longer open' })
  async upload(
    @Param() { id }: IdParams,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.evidence.upload(caller, id, req);
    res.status(outcome.duplicate ? HttpStatus.OK : HttpStatus.CREATED);
    return outcome;
  }

  /** The program's evidence, newest first. */
  @Get('programs/:id/evidence')
  @Allow('evidence.read', ofResource('program'))
  @ZodResponse({ status: 200, type: EvidencePage })
  list(@Param() { id }: IdParams, @Query() query: EvidenceListQuery, @CurrentCaller() caller: Caller) {
    return this.evidence.list(caller, id, query);
  }

  /**
   * The stored file, always as an attachment; HTML, SVG, scripts and anything unidentified as
   * application/octet-stream, with nosniff and a sandboxing CSP.
   */
  @Get('evidence/:id/download')
  @Allow('evidence.read', ofResource('evidence'))
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  async download(@Param() { id }: IdParams, @CurrentCaller() caller: Caller, @Res() res: Response) {
    const file = await this.evidence.forDownload(caller, id);
    const stream = file.open();
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    res.status(200);
    res.setHeader('Content-Type', servedContentType(file.contentType));
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.setHeader('Content-Length', String(file.sizeBytes));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('ETag', `"${file.sha256}"`);
    stream.pipe(res);
  }
}
