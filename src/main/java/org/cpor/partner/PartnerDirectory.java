package org.cpor.partner;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cpor.jdbc.PerTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner organisations and their PartnerIDs (locations). */
@Repository
public class PartnerDirectory {

  /** Members of an organisation belong to the group {@code partner-<organisation id>}. */
  public static final String GROUP_PREFIX = "partner-";

  private final JdbcClient jdbc;

  PartnerDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PartnerLocation> location(String partnerId) {
    return jdbc.sql("select partner_id, organisation_id, enrolled from partner_locations where partner_id = ?")
        .param(partnerId)
        .query((rs, n) -> new PartnerLocation(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
        .optional();
  }

  /** The organisation, read once per transaction. */
  public Optional<Organisation> organisation(String organisationId) {
    return Optional.ofNullable(PerTransaction.remembered(new Remembered(organisationId), () -> jdbc.sql(
            "select id, name, time_zone from organisations where id = ?")
        .param(organisationId)
        .query((rs, n) -> new Organisation(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional().orElse(null)));
  }

  /** An organisation's key among what a transaction remembers. */
  private record Remembered(String organisationId) {}

  /** The organisation a user belongs to, from the user's groups. */
  public Optional<Organisation> organisationOfGroups(Collection<String> groups) {
    return groups.stream()
        .filter(g -> g.startsWith(GROUP_PREFIX))
        .map(g -> g.substring(GROUP_PREFIX.length()))
        .map(this::organisation)
        .flatMap(Optional::stream)
        .findFirst();
  }

  public List<Organisation> organisations() {
    return jdbc.sql("select id, name, time_zone from organisations order by name")
        .query((rs, n) -> new Organisation(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  public List<PartnerLocation> locations(String organisationId) {
    return jdbc.sql("select partner_id, organisation_id, enrolled from partner_locations where organisation_id = ? order by partner_id")
        .param(organisationId)
        .query((rs, n) -> new PartnerLocation(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
        .list();
  }

  /** Creates or updates the organisation. */
  public void save(Organisation organisation) {
    PerTransaction.forget(new Remembered(organisation.id()));
    int updated = jdbc.sql("update organisations set name = ?, time_zone = ? where id = ?")
        .params(organisation.name(), organisation.timeZone(), organisation.id()).update();
    if (updated == 0) {
      jdbc.sql("insert into organisations (id, name, time_zone) values (?, ?, ?)")
          .params(organisation.id(), organisation.name(), organisation.timeZone()).update();
    }
  }

  /** Creates or updates the PartnerID. */
  public void save(PartnerLocation location) {
    int updated = jdbc.sql("update partner_locations set organisation_id = ?, enrolled = ? where partner_id = ?")
        .params(location.organisationId(), location.enrolled(), location.partnerId()).update();
    if (updated == 0) {
      jdbc.sql("insert into partner_locations (partner_id, organisation_id, enrolled) values (?, ?, ?)")
          .params(location.partnerId(), location.organisationId(), location.enrolled()).update();
    }
  }

  public boolean saveIfAbsent(Organisation organisation) {
    if (organisation(organisation.id()).isPresent()) {
      return false;
    }
    jdbc.sql("insert into organisations (id, name, time_zone) values (?, ?, ?)")
        .param(organisation.id()).param(organisation.name()).param(organisation.timeZone()).update();
    return true;
  }

  public boolean saveIfAbsent(PartnerLocation location) {
    if (location(location.partnerId()).isPresent()) {
      return false;
    }
    jdbc.sql("insert into partner_locations (partner_id, organisation_id, enrolled) values (?, ?, ?)")
        .param(location.partnerId()).param(location.organisationId()).param(location.enrolled()).update();
    return true;
  }
}
