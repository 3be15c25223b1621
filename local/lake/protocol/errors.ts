// One error type for every modeled (and a few unmodeled) CloudTrail errors, so handlers throw and
// the protocol layer decides the wire shape in one place.

/** An error the Lake sends to the client as `{"__type": code, "Message": …, "message": …}`. */
export class LakeError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(clampMessage(message));
    this.code = code;
    this.status = status;
  }
}

// The model bounds every exception Message to 4–1000 characters.
function clampMessage(message: string): string {
  const text = message.length < 4 ? `${message}....`.slice(0, 4) : message;
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

/** 400 InvalidParameterException: the catch-all for a bad parameter or combination. */
export function invalidParameter(message: string): LakeError {
  return new LakeError("InvalidParameterException", message);
}

/** 404 ImportNotFoundException (the model's httpError; the API Reference says 400). */
export function importNotFound(importId: string): LakeError {
  return new LakeError("ImportNotFoundException", `Import ${importId} was not found.`, 404);
}

/** 404 EventDataStoreNotFoundException (the model's httpError). */
export function eventDataStoreNotFound(arnOrId: string): LakeError {
  return new LakeError(
    "EventDataStoreNotFoundException",
    `The specified event data store ${arnOrId} was not found.`,
    404,
  );
}

/** 400 EventDataStoreARNInvalidException for a value that is neither a store ARN nor an id. */
export function eventDataStoreArnInvalid(value: string): LakeError {
  return new LakeError(
    "EventDataStoreARNInvalidException",
    `The specified event data store ARN is not valid or does not map to an event data store in your account: ${value}`,
  );
}

/** 400 InvalidNextTokenException for an unknown, tampered or mismatched page token. */
export function invalidNextToken(): LakeError {
  return new LakeError("InvalidNextTokenException", "The provided NextToken is not valid.");
}

/** 400 SerializationException: the body (or a member) could not be read as the model's type. */
export function serializationError(message: string): LakeError {
  return new LakeError("SerializationException", message);
}
