import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Typed search attributes every program workflow keeps up to date, so list views and dashboards
 * read Temporal visibility (or our DB projection) instead of querying each workflow.
 */
export const CertflowOrganizationId = defineSearchAttributeKey(
  'CertflowOrganizationId',
  SearchAttributeType.KEYWORD,
);
export const CertflowProgramKind = defineSearchAttributeKey(
  'CertflowProgramKind',
  SearchAttributeType.KEYWORD,
);
export const CertflowFrameworks = defineSearchAttributeKey(
  'CertflowFrameworks',
  SearchAttributeType.KEYWORD_LIST,
);
export const CertflowStage = defineSearchAttributeKey('CertflowStage', SearchAttributeType.KEYWORD);
export const CertflowNextMilestoneAt = defineSearchAttributeKey(
  'CertflowNextMilestoneAt',
  SearchAttributeType.DATETIME,
);
export const CertflowAtRisk = defineSearchAttributeKey('CertflowAtRisk', SearchAttributeType.BOOL);

/** Every custom search attribute, for registering them on a server (dev server flags, operator service). */
export const programSearchAttributes = [
  CertflowOrganizationId,
  CertflowProgramKind,
  CertflowFrameworks,
  CertflowStage,
  CertflowNextMilestoneAt,
  CertflowAtRisk,
] as const;
