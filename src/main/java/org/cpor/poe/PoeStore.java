package org.cpor.poe;

import static org.cpor.jdbc.Timestamps.instant;
import static org.cpor.jdbc.Timestamps.of;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PoeStore {

  private static final String COLUMNS = "id, file_name, content_type, size_bytes, sha256, organisation_id, claim_id, uploaded_at, uploaded_by";

  private final JdbcClient jdbc;

  PoeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(PoeFile file, byte[] content) {
    jdbc.sql("""
        insert into poe_files (id, organisation_id, file_name, content_type, size_bytes, sha256, content, uploaded_at, uploaded_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(file.id(), file.organisationId(), file.fileName(), file.contentType(), file.size(), file.sha256(), content,
            of(file.uploadedAt()), file.uploadedBy())
        .update();
  }

  Optional<PoeFile> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from poe_files where id = ?").param(id).query(this::file).optional();
  }

  /** The files with these IDs, by ID: one query, whatever their number. */
  Map<String, PoeFile> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("select " + COLUMNS + " from poe_files where id in (:ids)").param("ids", Set.copyOf(ids))
        .query(this::file).list().stream().collect(Collectors.toMap(PoeFile::id, Function.identity()));
  }

  byte[] content(String id) {
    return jdbc.sql("select content from poe_files where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
  }

  List<PoeFile> ofClaim(String claimId) {
    return jdbc.sql("select " + COLUMNS + " from poe_files where claim_id = ? order by uploaded_at, id").param(claimId)
        .query(this::file).list();
  }

  /** The files of each of these claims, oldest first, in one query. */
  Map<String, List<PoeFile>> ofClaims(Collection<String> claimIds) {
    if (claimIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<PoeFile>> byClaim = new java.util.HashMap<>();
    jdbc.sql("select " + COLUMNS + " from poe_files where claim_id in (:ids) order by uploaded_at, id").param("ids", Set.copyOf(claimIds))
        .query(this::file).list().forEach(f -> byClaim.computeIfAbsent(f.claimId(), k -> new java.util.ArrayList<>()).add(f));
    return byClaim;
  }

  /** Links the files that are not linked yet; answers how many it linked. */
  int link(Collection<String> ids, String claimId, Long informationRequestId, Long disputeId) {
    return jdbc.sql("""
            update poe_files set claim_id = :claim, information_request_id = :request, dispute_id = :dispute
            where id in (:ids) and claim_id is null""")
        .param("claim", claimId).param("request", informationRequestId).param("dispute", disputeId)
        .param("ids", Set.copyOf(ids)).update();
  }

  private PoeFile file(ResultSet rs, int row) throws SQLException {
    return new PoeFile(rs.getString("id"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
        rs.getString("sha256"), rs.getString("organisation_id"), rs.getString("claim_id"), instant(rs, "uploaded_at"),
        rs.getString("uploaded_by"));
  }
}
