import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createContext, type Context, type ContextDependencies } from '../../context.js';
import { flushAuditEvents } from '../audit/flushAuditEvents.js';
import { awsError } from '../../graphql/errors.js';
import { readBody } from '../../http/readBody.js';
import type { Route } from '../../http/Route.js';
import { readSigningService } from '../auth/readSigningService.js';
import type { AwsOperation, AwsService } from './AwsOperation.js';
import { findAwsOperation, STS_OPERATION_NAMES } from './awsOperations.js';
import { createOperationInput } from './OperationInput.js';
import { parseQueryParameters } from './parseQueryParameters.js';
import { QUERY_VERSIONS, serializeQueryError, serializeQueryResponse } from './serializeQueryResponse.js';
import { serializeJsonResponse } from './serializeJsonResponse.js';
import { toProtocolError } from './toProtocolError.js';

/** The `X-Amz-Target` prefix of Organizations' JSON 1.1 operations, from its service model. */
export const ORGANIZATIONS_TARGET_PREFIX = 'AWSOrganizationsV20161128.';

/** A request at `/` decoded far enough to route it: its protocol, service, operation and parameters. */
interface DecodedRequest {
  protocol: 'query' | 'json';
  service: AwsService;
  operation: AwsOperation | null;
  /** The operation name the client asked for, for the error when there is no such operation. */
  name: string;
  version: string | null;
  parameters: Record<string, unknown>;
}

function decodeJson(name: string, body: Buffer): DecodedRequest {
  let parameters: unknown = {};
  if (body.length > 0) {
    try {
      parameters = JSON.parse(body.toString('utf8'));
    } catch {
      throw awsError('ValidationError', 'Start of structure or map found where not expected.');
    }
  }
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))
    throw awsError('ValidationError', 'The request body must be a JSON object.');
  return {
    protocol: 'json',
    service: 'organizations',
    operation: findAwsOperation('organizations', name),
    name,
    version: null,
    parameters: parameters as Record<string, unknown>,
  };
}

/**
 * Routes a query-protocol request: the credential scope names the service (as AWS's per-service endpoints do);
 * an unsigned or Basic request goes to the service whose operation the `Action` names (STS's unsigned
 * AssumeRoleWithWebIdentity/SAML, or any operation signed the playground's Basic way).
 */
function decodeQuery(req: IncomingMessage, url: URL, body: Buffer): DecodedRequest {
  const form = new URLSearchParams(url.search);
  const type = String(req.headers['content-type'] ?? '');
  if (req.method === 'POST' && (type === '' || type.startsWith('application/x-www-form-urlencoded'))) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) form.append(key, value);
  }
  const name = form.get('Action');
  if (!name) throw awsError('MissingAction', 'Missing Action');
  const signed = readSigningService({ headers: req.headers, url: req.url ?? '/' });
  const service: AwsService =
    signed === 'sts' || signed === 'iam' ? signed : STS_OPERATION_NAMES.has(name) ? 'sts' : 'iam';
  const version = form.get('Version');
  const operation = version !== null && version !== QUERY_VERSIONS[service] ? null : findAwsOperation(service, name);
  return { protocol: 'query', service, operation, name, version, parameters: parseQueryParameters(form) };
}

function send(res: ServerResponse, status: number, contentType: string, requestId: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('x-amzn-RequestId', requestId);
  res.end(body);
}

function sendError(
  res: ServerResponse,
  protocol: 'query' | 'json',
  service: AwsService,
  error: unknown,
  requestId: string,
): void {
  const failure = toProtocolError(error, protocol);
  if (protocol === 'json') {
    res.setHeader('x-amzn-ErrorType', failure.code);
    send(
      res,
      failure.status,
      'application/x-amz-json-1.1',
      requestId,
      JSON.stringify({ __type: failure.code, Message: failure.message }),
    );
    return;
  }
  send(
    res,
    failure.status,
    'text/xml',
    requestId,
    serializeQueryError(service === 'organizations' ? 'iam' : service, failure, requestId),
  );
}

/**
 * The AWS endpoint on the server's one port: at `/`, STS and IAM in the query protocol (form-encoded POST, or
 * GET with `Action` in the query string; XML answers) and Organizations in JSON 1.1 (`X-Amz-Target`), so the AWS
 * CLI and SDKs work with an endpoint URL. Each request gets a context built exactly as GraphQL builds its
 * own — same authentication (the signature's scope must name the service), loaders, authorization door and
 * audit — and one operation of the mapping table runs against the same services. A GET of `/` without
 * `Action` is left to the explorer.
 */
export function createAwsProtocolRoute(dependencies: ContextDependencies): Route {
  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/') return false;
      const target = req.headers['x-amz-target'];
      if (req.method === 'GET' ? !url.searchParams.has('Action') : req.method !== 'POST') return false;
      const requestId = randomUUID();
      const body = await readBody(req);
      let protocol: 'query' | 'json' = typeof target === 'string' ? 'json' : 'query';
      let service: AwsService = protocol === 'json' ? 'organizations' : 'iam';
      let context: Context | null = null;
      try {
        if (typeof target === 'string' && !target.startsWith(ORGANIZATIONS_TARGET_PREFIX)) {
          throw awsError('InvalidAction', `Unknown target ${target}`);
        }
        const decoded =
          protocol === 'json'
            ? decodeJson(String(target).slice(ORGANIZATIONS_TARGET_PREFIX.length), body)
            : decodeQuery(req, url, body);
        ({ protocol, service } = decoded);
        const request = {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: req.headers,
          body,
          sourceIp: req.socket.remoteAddress ?? null,
          service,
        };
        context = await createContext(request, dependencies);
        const operation = decoded.operation;
        if (operation === null) {
          throw awsError(
            'InvalidAction',
            `Could not find operation ${decoded.name} for version ${decoded.version ?? 'NO_VERSION_SPECIFIED'}`,
          );
        }
        const result = await operation.run(context, createOperationInput(decoded.parameters), operation.action);
        await flushAuditEvents(context);
        if (protocol === 'json') send(res, 200, 'application/x-amz-json-1.1', requestId, serializeJsonResponse(result));
        else
          send(
            res,
            200,
            'text/xml',
            requestId,
            serializeQueryResponse(service === 'sts' ? 'sts' : 'iam', operation.name, result, requestId),
          );
      } catch (error) {
        // Denials are audited too: the request's decisions are written (one statement) before the error goes out.
        if (context !== null)
          await flushAuditEvents(context).catch((flushError: unknown) =>
            dependencies.logger.error({ err: flushError, requestId }, 'audit flush failed'),
          );
        if (toProtocolError(error, protocol).status >= 500)
          dependencies.logger.error({ err: error, requestId }, 'AWS protocol request failed');
        sendError(res, protocol, service, error, requestId);
      }
      return true;
    },
  };
}
