package org.cpor.poe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** A proof-of-execution file as the API describes it; the bytes stay in the store. */
public record PoeFile(String id, String fileName, String contentType, long size, String sha256,
    @JsonIgnore String organisationId, @JsonIgnore String claimId, @JsonIgnore Instant uploadedAt,
    @JsonIgnore String uploadedBy) {}
