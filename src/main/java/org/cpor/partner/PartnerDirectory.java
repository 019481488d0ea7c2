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

  /** The organisation, read once per transaction or request. */
  public Optional<Organisation> organisation(String organisationId) {
    return Optional.ofNullable(PerTransaction.referenceData(new Remembered(organisationId), () -> jdbc.sql(
            "select id, name, time_zone from organisations where id = ?")
        .param(organisationId)
        .query((rs, n) -> new Organisation(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional().orElse(null)));
  }

  /** An organisation's key among what a transaction remembers. */
  private record Remembered(String organisationId) {}

  /** The organisation a user belongs to, from the user's groups. */
  public Optional<Organisation> organisationOfGroups(Collection<String> groups) {
    return Organisation.idsAmong(groups).stream()
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
    jdbc.sql("""
        merge into organisations o using (values (?, ?, cast(? as varchar(60)))) as s (id, name, time_zone) on o.id = s.id
        when matched then update set name = s.name, time_zone = s.time_zone
        when not matched then insert (id, name, time_zone) values (s.id, s.name, s.time_zone)""")
        .params(organisation.id(), organisation.name(), organisation.timeZone()).update();
  }

  /** Creates or updates the PartnerID. */
  public void save(PartnerLocation location) {
    jdbc.sql("""
        merge into partner_locations l using (values (?, ?, ?)) as s (partner_id, organisation_id, enrolled)
        on l.partner_id = s.partner_id
        when matched then update set organisation_id = s.organisation_id, enrolled = s.enrolled
        when not matched then insert (partner_id, organisation_id, enrolled) values (s.partner_id, s.organisation_id, s.enrolled)""")
        .params(location.partnerId(), location.organisationId(), location.enrolled()).update();
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
