package org.cpor.catalogue;

import java.util.Map;
import java.util.Optional;
import org.cpor.jdbc.PerTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workloads each program may claim (reference data). */
@Repository
public class WorkloadCatalogue {

  private final JdbcClient jdbc;

  WorkloadCatalogue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The catalogue's key among what a transaction remembers. */
  private static final Object CATALOGUE = WorkloadCatalogue.class.getName() + ".names";

  /** Which programs list the code at all: the programs' names, and the code's name in each. */
  public Map<String, String> programsOf(String code) {
    Map<String, String> programs = new java.util.HashMap<>();
    names().byProgram().forEach((program, names) -> {
      if (names.containsKey(code)) {
        programs.put(program.name(), names.get(code));
      }
    });
    return programs;
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

  /** The whole catalogue, in one query, once per transaction or request. */
  public Names names() {
    return PerTransaction.referenceData(CATALOGUE, this::read);
  }

  private Names read() {
    Map<Program, Map<String, String>> byProgram = new java.util.EnumMap<>(Program.class);
    jdbc.sql("select program, code, name from workloads").query(rs -> {
      byProgram.computeIfAbsent(Program.valueOf(rs.getString(1)), k -> new java.util.HashMap<>()).put(rs.getString(2), rs.getString(3));
    });
    return new Names(byProgram);
  }

  /** The workloads a program may claim, by name. */
  public java.util.List<Workload> ofProgram(Program program) {
    return PerTransaction.referenceData(new ProgramWorkloads(program), () -> jdbc.sql("select code, name from workloads where program = ? order by name").param(program.name())
        .query((rs, n) -> new Workload(rs.getString(1), rs.getString(2))).list());
  }

  /** A program's workloads among what a transaction remembers. */
  private record ProgramWorkloads(Program program) {}

  private static void forgetRemembered() {
    PerTransaction.forget(CATALOGUE);
    for (Program program : Program.values()) {
      PerTransaction.forget(new ProgramWorkloads(program));
    }
  }

  /** Creates or renames a workload of a program. */
  public void save(Program program, String code, String name) {
    forgetRemembered();
    jdbc.sql("""
        merge into workloads w using (values (?, ?, ?)) as s (program, code, name) on w.program = s.program and w.code = s.code
        when matched then update set name = s.name
        when not matched then insert (program, code, name) values (s.program, s.code, s.name)""")
        .params(program.name(), code, name).update();
  }

  public boolean delete(Program program, String code) {
    forgetRemembered();
    return jdbc.sql("delete from workloads where program = ? and code = ?").params(program.name(), code).update() > 0;
  }

  /** The display name of a workload code, whatever the program. */
  public String displayName(String code) {
    return names().displayName(code);
  }
}
