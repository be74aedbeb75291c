import { Injectable, type OnModuleInit, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { ROUTE_POLICY, type RoutePolicy } from './route-policy.js';

export interface DeclaredRoute {
  method: string;
  path: string;
  handler: string;
  policy: RoutePolicy | undefined;
}

function joinPaths(...parts: unknown[]): string {
  const segments = parts
    .flatMap((part): unknown[] => (Array.isArray(part) ? (part as unknown[]) : [part]))
    .filter((part): part is string => typeof part === 'string')
    .flatMap((part) => part.split('/'))
    .filter(Boolean);
  return `/${segments.join('/')}`;
}

/**
 * Lists every HTTP route of the application with the policy it declares, and refuses to let the application
 * start while one declares none: an undeclared route is a hole, not a default.
 */
@Injectable()
export class RoutePolicyCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): DeclaredRoute[] {
    const routes: DeclaredRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      const metatype = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      const base: unknown = Reflect.getMetadata(PATH_METADATA, metatype);
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function') continue;
        const path: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        routes.push({
          method: RequestMethod[method],
          path: joinPaths(base, path),
          handler: `${metatype.name}.${name}`,
          policy: this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [
            handler as () => unknown,
            metatype,
          ]),
        });
      }
    }
    return routes;
  }

  onModuleInit(): void {
    const undeclared = this.routes().filter((route) => route.policy === undefined);
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without an access policy (@Public, @SignedIn or @Allow): ${undeclared
          .map((route) => `${route.method} ${route.path} (${route.handler})`)
          .join(', ')}`,
      );
    }
  }
}
