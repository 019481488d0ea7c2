package org.cpor.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application runs on the current thread while a test records them: the application's
 * own and the engine's, every execution of a statement once (a batch once). The suite's data source is wrapped, so the
 * count covers every request a test makes through MockMvc, which runs on the test's thread.
 */
public class SqlStatements {

  private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

  /** The statements {@code action} ran, in their order. */
  public List<String> during(ThrowingRunnable action) throws Exception {
    List<String> previous = recording.get();
    List<String> statements = new ArrayList<>();
    recording.set(statements);
    try {
      action.run();
    } finally {
      recording.set(previous);
      if (previous != null) {
        previous.addAll(statements);
      }
    }
    return statements;
  }

  /** The statements {@code action} ran, and its result. */
  public <T> Recorded<T> recorded(Callable<T> action) throws Exception {
    List<T> result = new ArrayList<>(1);
    List<String> statements = during(() -> result.add(action.call()));
    return new Recorded<>(result.get(0), statements);
  }

  public record Recorded<T>(T result, List<String> statements) {}

  /** How many of the statements read or write {@code table} (a word of their text, case ignored). */
  public static long touching(List<String> statements, String table) {
    String word = "(?s).*\\b" + table.toLowerCase(Locale.ROOT) + "\\b.*";
    return statements.stream().filter(s -> s.toLowerCase(Locale.ROOT).matches(word)).count();
  }

  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  private void ran(String sql) {
    List<String> statements = recording.get();
    if (statements != null) {
      statements.add(sql == null ? "?" : sql.strip().replaceAll("\\s+", " "));
    }
  }

  DataSource counting(DataSource target) {
    return new DelegatingDataSource(target) {
      @Override
      public Connection getConnection() throws SQLException {
        return connection(super.getConnection());
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return connection(super.getConnection(username, password));
      }
    };
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, target, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      String name = method.getName();
      if (name.equals("prepareStatement")) {
        return statement(PreparedStatement.class, (Statement) result, (String) args[0]);
      }
      if (name.equals("prepareCall")) {
        return statement(CallableStatement.class, (Statement) result, (String) args[0]);
      }
      if (name.equals("createStatement")) {
        return statement(Statement.class, (Statement) result, null);
      }
      return result;
    });
  }

  private <S extends Statement> S statement(Class<S> type, Statement target, String prepared) {
    return proxy(type, type.cast(target), (proxy, method, args) -> {
      String name = method.getName();
      if (name.startsWith("execute")) {
        ran(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared);
      }
      return invoke(target, method, args);
    });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /** The suite's wiring: the counter, and every data source counted by it. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Counting {

    @Bean
    static SqlStatements sqlStatements() {
      return new SqlStatements();
    }

    @Bean
    static BeanPostProcessor countingDataSources(org.springframework.beans.factory.ObjectProvider<SqlStatements> statements) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
              ? statements.getObject().counting(dataSource) : bean;
        }
      };
    }
  }
}
