package org.sagebionetworks.accessrecords.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synapse-like raw access records, reproducible from a seed: the client mix of a real day, real endpoint shapes,
 * the dirty URLs the Glue job meets (injected SQL, encoded newlines, matrix parameters, upper case, no
 * {@code /v1/}), nulls where Synapse writes them. Used by samples, tests, benchmarks and the local stack; every
 * record is valid.
 */
public final class SyntheticTraffic {

    private static final long ANONYMOUS = 273950L;
    private static final JsonFactory JSON = new JsonFactory();

    private static final List<String> USER_AGENTS = List.of(
            "synapseclient/2.7.0 python-requests/2.28.2 CPython/3.9.16 Linux/5.10.0",
            "synapseclient/4.0.0 python-requests/2.31.0 CPython/3.11.4 Darwin/22.5.0",
            "python/synapseclient/3.1.1",
            "Synapse-Web-Client/435.0 Synapse-Java-Client/435.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/119.0",
            "Safari/15609.4.1 CFNetwork/1128.0.1 Darwin/19.6.0 (x86_64)",
            "synapser/1.2.0 synapseclient/2.7.0 python-requests/2.28.2",
            "synapseRClient/1.15-0/Rv3.1.0",
            "Synapse-Java-Client/440.0",
            "Synpase-Java-Client/2015-06-24-1812-f633d1a",
            "synapsecommandlineclient synapseclient/2.7.2 python-requests/2.28.2",
            "ELB-HealthChecker/2.0",
            "SynapseRepositoryStack/449.0",
            "curl/8.4.0",
            "kubernetes-operator/1.0 synapseclient/2.0");
    private static final int[] USER_AGENT_WEIGHTS = {22, 10, 4, 12, 9, 5, 2, 5, 6, 5, 1, 3, 4, 2, 3, 1};

    private static final List<String> URL_SHAPES = List.of(
            "/repo/v1/entity/syn%d/bundle2",
            "/repo/v1/entity/syn%d",
            "/repo/v1/entity/syn%d/version/%d",
            "/repo/v1/entity/%d/annotations2",
            "/file/v1/file/%d",
            "/file/v1/entity/syn%d/uploadDestination",
            "/repo/v1/entity/syn%d/table/transaction/async/get/%d",
            "/repo/v1/teamMembers/%d&limit=50&offset=0",
            "/repo/v1/entity/md5/%x",
            "/ga4gh/drs/v1/objects/syn%d.1/access/FileEntity_syn%2$d",
            "/repo/v1/userProfile/",
            "/auth/v1/login2",
            "/auth/v1/2fa/enroll",
            "/repo/v1/entity/syn%d/wiki2/%d;jsessionid=ABC123",
            "/repo/v1/entity/syn%d%%0A%%0A/bundle2",
            "/REPO/V1/ENTITY/SYN%d/BUNDLE2",
            "/repo/v1/evaluation/submission/%d_curl_168/status",
            "/repo/v1/user/bundle;declare%%20@q%%20varchar(99);set%%20@q='%%5C%%5Cx.oast.fun'",
            "/services-repository-2016-09-06-2313-ec7939b/entity/syn%d",
            "/repo/v1/entity/%%C3%%A9t%%C3%%A9");
    private static final int[] URL_WEIGHTS = {20, 14, 6, 4, 8, 4, 4, 3, 2, 4, 5, 3, 1, 3, 2, 1, 2, 1, 1, 1};

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");
    private static final int[] METHOD_WEIGHTS = {70, 20, 8, 2};
    private static final long[] STATUSES = {200, 201, 204, 400, 401, 403, 404, 409, 500, 503};
    private static final int[] STATUS_WEIGHTS = {80, 4, 2, 2, 3, 2, 4, 1, 1, 1};
    private static final List<String> AUTH_METHODS = List.of("BEARERTOKEN", "SESSIONTOKEN", "APIKEY", "BASIC");

    private final SplittableRandom random;
    private long clock;
    private final long meanGapMillis;

    /** Records starting at {@code startMillis}, about {@code meanGapMillis} apart (which may span days). */
    public SyntheticTraffic(long seed, long startMillis, long meanGapMillis) {
        this.random = new SplittableRandom(seed);
        this.clock = startMillis;
        this.meanGapMillis = meanGapMillis;
    }

    /** The next record as one line of envelope JSON. */
    public String next() {
        clock += random.nextLong(2 * meanGapMillis + 1);
        return at(clock);
    }

    /**
     * A record stamped with the given event time instead of the next gap's, for callers that spread records over an
     * exact span; the rest of the record comes from the same seeded sequence.
     */
    public String at(long timestampMillis) {
        StringWriter text = new StringWriter(900);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            writeEnvelope(json, timestampMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private void writeEnvelope(JsonGenerator json, long timestamp) throws IOException {
        String instance = String.format("%09d", 400 + random.nextInt(60));
        json.writeStartObject();
        json.writeStringField("stack", "prod");
        json.writeStringField("instance", instance);
        json.writeNumberField("timestamp", timestamp);
        json.writeObjectFieldStart("payload");
        writePayload(json, timestamp, instance);
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writePayload(JsonGenerator json, long timestamp, String instance) throws IOException {
        long status = STATUSES[pick(STATUS_WEIGHTS)];
        json.writeStringField("sessionId", new UUID(random.nextLong(), random.nextLong()).toString());
        json.writeNumberField("timestamp", timestamp);
        json.writeNumberField("userId", random.nextInt(10) < 2 ? ANONYMOUS : 3_300_000L + random.nextInt(50_000));
        json.writeStringField("method", METHODS.get(pick(METHOD_WEIGHTS)));
        json.writeStringField("requestURL", url());
        writeNullable(json, "userAgent", random.nextInt(50) == 0 ? null : USER_AGENTS.get(pick(USER_AGENT_WEIGHTS)));
        json.writeStringField("host", "repo-prod.prod.sagebase.org");
        writeNullable(json, "origin", random.nextInt(5) == 0 ? "https://www.synapse.org" : null);
        json.writeNullField("via");
        json.writeNumberField("threadId", 1000 + random.nextInt(90_000));
        json.writeNumberField("elapseMS", slowTail());
        json.writeBooleanField("success", status < 400);
        json.writeStringField("stack", "prod");
        json.writeStringField("instance", instance);
        json.writeStringField(
                "date",
                LocalDate.ofEpochDay(Math.floorDiv(timestamp, 86_400_000L)).toString());
        json.writeStringField("vmId", Long.toHexString(random.nextLong()) + ":3bc2313e:14e6fef3e73:-7ffd");
        writeNullable(json, "returnObjectId", random.nextInt(4) == 0 ? "syn" + random.nextInt(60_000_000) : null);
        writeNullable(json, "queryString", random.nextInt(3) == 0 ? "mask=" + random.nextInt(4096) : null);
        json.writeNumberField("responseStatus", status);
        writeNullable(
                json, "oauthClientId", random.nextInt(20) == 0 ? String.valueOf(100 + random.nextInt(900)) : null);
        writeNullable(json, "basicAuthUsername", null);
        writeNullable(
                json,
                "authenticationMethod",
                random.nextInt(6) == 0 ? null : AUTH_METHODS.get(random.nextInt(AUTH_METHODS.size())));
        json.writeStringField("xforwardedFor", "203.0.113." + random.nextInt(256));
    }

    private String url() {
        long entity = 1_000_000L + random.nextInt(60_000_000);
        long other = 1 + random.nextInt(100_000);
        return String.format(URL_SHAPES.get(pick(URL_WEIGHTS)), entity, other);
    }

    /** Mostly fast calls with a long tail, as the elapse_ms dashboards show. */
    private long slowTail() {
        return random.nextInt(100) < 95 ? 5 + random.nextInt(300) : 1_000 + random.nextInt(30_000);
    }

    private int pick(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    private static void writeNullable(JsonGenerator json, String field, String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }
}
