package org.sagebionetworks.accessrecords.pipeline;

import static java.util.Comparator.comparing;
import static java.util.stream.Collectors.groupingBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.sagebionetworks.accessrecords.queries.QueryResult;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * The answer each dashboard query in {@code queries/} must give, computed in plain Java from the rows the
 * enrichment core makes of the input: the same question asked without SQL, Parquet or the pipeline.
 * One method per query file; a query without one here fails its test.
 */
final class DashboardExpectations {

    private static final long ANONYMOUS = 273950L;

    private final Collection<ProcessedAccessRecord> rows;
    private final LocalDate today;

    DashboardExpectations(Collection<ProcessedAccessRecord> rows, LocalDate today) {
        this.rows = rows;
        this.today = today;
    }

    /** The expected rows of the query with this name, as {@link QueryResult#text(Object)} shows them. */
    List<List<String>> of(String query) {
        return switch (query) {
            case "calls-by-client-for-a-month" -> callsByClientForAugust2023();
            case "python-client-endpoints" -> pythonClientEndpoints();
            case "max-latency-by-instance-hourly" -> maxLatencyByInstanceHourly();
            case "internal-errors-by-endpoint" -> internalErrorsByEndpoint();
            case "server-errors-by-endpoint-per-day" -> serverErrorsByEndpointPerDay();
            case "slow-endpoints" -> slowEndpoints();
            case "calls-per-client-per-day" -> callsPerClientPerDay();
            case "top-entities" -> topEntities();
            case "unique-users-per-day" -> uniqueUsersPerDay();
            default -> throw new AssertionError("no expected answer for queries/" + query + ".sql: add one here");
        };
    }

    private List<List<String>> callsByClientForAugust2023() {
        return grouped(
                row -> !row.getRecordDate().isBefore(LocalDate.of(2023, 8, 1))
                        && !row.getRecordDate().isAfter(LocalDate.of(2023, 8, 31)),
                ProcessedAccessRecord::getClient,
                (client, group) -> row(client, group.size(), distinctUsers(group.stream())),
                comparing((List<String> row) -> -Long.parseLong(row.get(1))).thenComparing(row -> row.get(0)));
    }

    private List<List<String>> pythonClientEndpoints() {
        return grouped(
                row -> row.getRecordDate().isAfter(LocalDate.of(2023, 9, 1)) && "PYTHON".equals(row.getClient()),
                ProcessedAccessRecord::getNormalizedMethodSignature,
                (signature, group) -> row(signature, group.size()),
                byCountThenName(1, 0));
    }

    private List<List<String>> maxLatencyByInstanceHourly() {
        return grouped(
                since(14),
                row -> Arrays.asList(row.getTimestamp().truncatedTo(ChronoUnit.HOURS), row.getInstance()),
                (key, group) -> row(
                        key.get(0),
                        key.get(1),
                        group.stream()
                                .map(ProcessedAccessRecord::getElapseMs)
                                .filter(Objects::nonNull)
                                .max(Long::compare)
                                .orElse(null)),
                comparing((List<String> row) -> row.get(0)).thenComparing(row -> row.get(1)));
    }

    private List<List<String>> internalErrorsByEndpoint() {
        return grouped(
                since(7).and(row -> Long.valueOf(500).equals(row.getResponseStatus())),
                ProcessedAccessRecord::getNormalizedMethodSignature,
                (signature, group) -> row(signature, group.size()),
                byCountThenName(1, 0));
    }

    private List<List<String>> serverErrorsByEndpointPerDay() {
        return grouped(
                        since(7),
                        row -> Arrays.asList(row.getRecordDate(), row.getNormalizedMethodSignature()),
                        (key, group) -> row(
                                key.get(0),
                                key.get(1),
                                group.stream()
                                        .filter(DashboardExpectations::isServerError)
                                        .count(),
                                group.size()),
                        comparing((List<String> row) -> row.get(0))
                                .thenComparing(row -> -Long.parseLong(row.get(2)))
                                .thenComparing(row -> row.get(1)))
                .stream()
                .filter(row -> !row.get(2).equals("0"))
                .toList();
    }

    private List<List<String>> slowEndpoints() {
        return grouped(
                        since(7).and(row -> row.getElapseMs() != null),
                        ProcessedAccessRecord::getNormalizedMethodSignature,
                        (signature, group) -> row(
                                signature,
                                group.size(),
                                Math.round(group.stream()
                                        .mapToLong(ProcessedAccessRecord::getElapseMs)
                                        .average()
                                        .orElseThrow()),
                                group.stream()
                                        .mapToLong(ProcessedAccessRecord::getElapseMs)
                                        .max()
                                        .orElseThrow()),
                        byCountThenName(2, 0))
                .stream()
                .filter(row -> Long.parseLong(row.get(1)) >= 5)
                .limit(20)
                .toList();
    }

    private List<List<String>> callsPerClientPerDay() {
        return grouped(
                since(30),
                row -> Arrays.asList(row.getRecordDate(), row.getClient()),
                (key, group) -> row(key.get(0), key.get(1), group.size()),
                comparing((List<String> row) -> row.get(0))
                        .thenComparing(row -> -Long.parseLong(row.get(2)))
                        .thenComparing(row -> row.get(1)));
    }

    private List<List<String>> topEntities() {
        return grouped(
                        since(30).and(row -> row.getEntityId() != null),
                        ProcessedAccessRecord::getEntityId,
                        (entity, group) -> row(entity, group.size(), distinctUsers(group.stream())),
                        comparing((List<String> row) -> -Long.parseLong(row.get(1)))
                                .thenComparing(row -> Long.parseLong(row.get(0))))
                .stream()
                .limit(20)
                .toList();
    }

    private List<List<String>> uniqueUsersPerDay() {
        return grouped(
                since(30),
                ProcessedAccessRecord::getRecordDate,
                (day, group) -> row(
                        day,
                        distinctUsers(group.stream().filter(row -> !isAnonymous(row))),
                        group.stream()
                                .filter(DashboardExpectations::isAnonymous)
                                .count()),
                comparing((List<String> row) -> row.get(0)));
    }

    private <K> List<List<String>> grouped(
            Predicate<ProcessedAccessRecord> where,
            Function<ProcessedAccessRecord, K> groupBy,
            Aggregate<K> select,
            Comparator<List<String>> orderBy) {
        Map<K, List<ProcessedAccessRecord>> groups = rows.stream().filter(where).collect(groupingBy(groupBy));
        return groups.entrySet().stream()
                .map(group -> select.apply(group.getKey(), group.getValue()))
                .sorted(orderBy)
                .toList();
    }

    private interface Aggregate<K> {
        List<String> apply(K key, List<ProcessedAccessRecord> group);
    }

    private Predicate<ProcessedAccessRecord> since(int days) {
        LocalDate first = today.minusDays(days);
        return row -> !row.getRecordDate().isBefore(first);
    }

    private static Comparator<List<String>> byCountThenName(int count, int name) {
        return comparing((List<String> row) -> -Long.parseLong(row.get(count))).thenComparing(row -> row.get(name));
    }

    private static long distinctUsers(Stream<ProcessedAccessRecord> group) {
        return group.map(ProcessedAccessRecord::getUserId)
                .filter(Objects::nonNull)
                .distinct()
                .count();
    }

    private static boolean isAnonymous(ProcessedAccessRecord row) {
        return Long.valueOf(ANONYMOUS).equals(row.getUserId());
    }

    private static boolean isServerError(ProcessedAccessRecord row) {
        return row.getResponseStatus() != null && row.getResponseStatus() >= 500 && row.getResponseStatus() <= 599;
    }

    private static List<String> row(Object... values) {
        return Arrays.stream(values).map(QueryResult::text).toList();
    }
}
