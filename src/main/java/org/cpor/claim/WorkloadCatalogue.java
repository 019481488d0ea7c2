package org.cpor.claim;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workloads each program may claim (reference data). */
@Repository
public class WorkloadCatalogue {

  private final JdbcClient jdbc;

  WorkloadCatalogue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Which programs list the code at all. */
  public Map<String, String> programsOf(String code) {
    return jdbc.sql("select program, name from workloads where code = ?").param(code)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  public record Workload(String code, String name) {}

  /** The whole catalogue as read once, for views of many claims. */
  public record Names(Map<Program, Map<String, String>> byProgram) {

    public Optional<String> name(Program program, String code) {
      return Optional.ofNullable(byProgram.getOrDefault(program, Map.of()).get(code));
    }

    /** As {@link WorkloadCatalogue#displayName}. */
    public String displayName(String code) {
      return byProgram.values().stream().map(names -> names.get(code)).filter(java.util.Objects::nonNull).findFirst().orElse(code);
    }
  }

  /** The whole catalogue, in one query. */
  public Names names() {
    Map<Program, Map<String, String>> byProgram = new java.util.EnumMap<>(Program.class);
    jdbc.sql("select program, code, name from workloads").query(rs -> {
      byProgram.computeIfAbsent(Program.valueOf(rs.getString(1)), k -> new java.util.HashMap<>()).put(rs.getString(2), rs.getString(3));
    });
    return new Names(byProgram);
  }

  /** The workloads a program may claim, by name. */
  public java.util.List<Workload> ofProgram(Program program) {
    return jdbc.sql("select code, name from workloads where program = ? order by name").param(program.name())
        .query((rs, n) -> new Workload(rs.getString(1), rs.getString(2))).list();
  }

  /** Creates or renames a workload of a program. */
  public void save(Program program, String code, String name) {
    if (jdbc.sql("update workloads set name = ? where program = ? and code = ?").params(name, program.name(), code).update() == 0) {
      jdbc.sql("insert into workloads (program, code, name) values (?, ?, ?)").params(program.name(), code, name).update();
    }
  }

  public boolean delete(Program program, String code) {
    return jdbc.sql("delete from workloads where program = ? and code = ?").params(program.name(), code).update() > 0;
  }

  /** The display name of a workload code, whatever the program. */
  public String displayName(String code) {
    return programsOf(code).values().stream().findFirst().orElse(code);
  }
}
