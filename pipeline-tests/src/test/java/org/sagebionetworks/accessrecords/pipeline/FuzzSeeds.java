package org.sagebionetworks.accessrecords.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sagebionetworks.accessrecords.testing.RawRecords;
import org.sagebionetworks.accessrecords.testing.SampleFile;

/**
 * Where the fuzzer starts: whole, valid records with one field at a time set to the kinds of value that reach
 * deep into the enrichment (identifiers, percent escapes, Unicode digits, whitespace and case rules, the special
 * URL shapes, control characters, numbers at their bounds), plus the synthetic traffic and its broken lines.
 * Mutating these keeps most inputs valid JSON, so the fuzzer spends its time past the parser.
 */
final class FuzzSeeds {

    private static final List<String> URLS = List.of(
            "/repo/v1/entity/syn2498218/bundle2",
            "/repo/v1/entity/SYN123.4/version/7",
            "/file/v1/fh123/url",
            "/repo/v1/entity/md5/0cc175b9c0f1b6a8",
            "/repo/v1/evaluation/name/x%20y",
            "/repo/v1/entity/alias/a",
            "/auth/v1/2fa/token/\u001b[31m",
            "/repo/v1/user/bundle?mask=63",
            "/repo/v1/objects/1/access/2",
            "/repo/v1/schema/type/registered/org-x",
            "/repo/v1/entity/syn1;jsessionid=abc/acl",
            "/repo/v1/entity/%73yn42/%ZZ%e2%82%41BC",
            "/repo/v1/\u0660\u0661/\u0130\u03a3x/\u03a3",
            "/repo/v1/a\u00a0b\u0085c",
            "/repo/v1/entity/99999999999999999999",
            "/repo/v1/entity/syn9223372036854775807",
            "/repo/v1/+ /%2F%2f",
            "no version marker",
            "",
            "/repo/v1/entity/syn1/\ud83d\ude00/\u0000");
    private static final List<String> USER_AGENTS = List.of(
            "Synapse-Web-Client/1.2 Mozilla/5.0",
            "Mozilla/5.0 (X11) Chrome/120.0",
            "operator/1",
            "Synpase-Java-Client/0.9 Synapse-Java-Client/2.0",
            "synapser/0.15.33synapseclient/2.7.0",
            "synapseRClient/1.0",
            "synapsecommandlineclient/3 synapseclient/3",
            "ELB-HealthChecker/2.0",
            "SynapseRepositoryStack/500",
            "python-requests/2.31 synapseclient/\u00e9\ud83d\ude00",
            "\u009b2J\u007f",
            "");
    private static final List<Map.Entry<String, Object>> ODD_VALUES = List.of(
            Map.entry("timestamp", 1_262_304_000_000L),
            Map.entry("userId", Long.MAX_VALUE),
            Map.entry("elapseMS", -1L),
            Map.entry("success", false),
            Map.entry("instance", "000000000"),
            Map.entry("method", "PROPFIND"),
            Map.entry("sessionId", "s\u00e9ssion-\ud83d\ude00"),
            Map.entry("responseStatus", 0L),
            Map.entry("xforwardedFor", "203.0.113.7, 10.0.0.1"),
            Map.entry("queryString", "a=\u001b&b=%00"));

    private FuzzSeeds() {}

    static List<byte[]> lines() {
        List<String> lines = new ArrayList<>(SampleFile.lines().subList(0, 30));
        lines.addAll(SampleFile.BAD_LINES);
        URLS.forEach(
                url -> lines.add(RawRecords.example().with("requestURL", url).json()));
        USER_AGENTS.forEach(
                agent -> lines.add(RawRecords.example().with("userAgent", agent).json()));
        ODD_VALUES.forEach(odd -> lines.add(
                RawRecords.example().with(odd.getKey(), odd.getValue()).json()));
        lines.add(
                RawRecords.example().with("userAgent", null).with("host", null).json());
        lines.add(
                RawRecords.EXAMPLE.replace("{\"stack\"", "{\"extra\":{\"deep\":[1,\"\\ud83d\\ude00\",{}]},\"stack\""));
        lines.add(RawRecords.EXAMPLE.replace("synapseclient/", "synapseclient/\\u00e9\\ud83d\\ude00\\\\ud800"));
        List<byte[]> seeds = new ArrayList<>();
        lines.forEach(line -> seeds.add(line.getBytes(StandardCharsets.UTF_8)));
        seeds.add(RawRecords.EXAMPLE.getBytes(StandardCharsets.UTF_16LE));
        seeds.add(("\0\0\0\0\0\0\0\0" + SampleFile.BAD_LINES.get(0)).getBytes(StandardCharsets.US_ASCII));
        seeds.add(RawRecords.EXAMPLE.replace("GET", "G\u00c0\u0080T").getBytes(StandardCharsets.ISO_8859_1));
        return seeds;
    }
}
