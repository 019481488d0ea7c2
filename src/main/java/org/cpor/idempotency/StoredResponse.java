package org.cpor.idempotency;

/** The answer of a request that succeeded, as a retry with its key gets it again: status, type, Location and body. */
record StoredResponse(int status, String contentType, String location, byte[] body) {

  boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
