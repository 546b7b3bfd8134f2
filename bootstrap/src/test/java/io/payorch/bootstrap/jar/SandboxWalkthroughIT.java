package io.payorch.bootstrap.jar;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the README's walkthrough verbatim against the built jar in the sandbox (its own embedded
 * PostgreSQL), checks every answer against the one the README shows, then restarts the jar and
 * finds the same QRs.
 */
class SandboxWalkthroughIT {

    /** Fields whose values the README shows exactly; ids and times differ on every run. */
    private static final Set<String> STABLE = Set.of("status", "provider", "amount", "usage", "code", "paymentsCount",
            "paymentsTotal", "closeReason", "registrationId", "transferType", "remitterMobile", "beneficiaryId",
            "field", "name", "outcome", "from", "to", "source", "qrsExpired", "otpsExpired", "type", "verified");
    private static final Pattern QR_ID = Pattern.compile("\"id\"\\s*:\\s*\"(qr_[A-Z0-9]+)\"");

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void theReadmeWalkthroughRunsVerbatimAndItsQrsSurviveARestart(@TempDir Path work) throws Exception {
        ReadmeWalkthrough walkthrough = ReadmeWalkthrough.read();
        assertTrue(walkthrough.steps().size() >= 10, "the README walkthrough has its steps");
        Map<String, String> env = Map.of(
                "PAYORCH_SANDBOX_DATA_DIR", work.resolve("db").toString(),
                "PAYORCH_SANDBOX_DB_PORT", String.valueOf(PayorchProcess.freePort()));
        List<String> qrIds = new ArrayList<>();
        List<String> answersBefore = new ArrayList<>();
        String baseUrl;
        try (PayorchProcess payorch = PayorchProcess.start(env)) {
            payorch.awaitHealthy(Duration.ofSeconds(120));
            baseUrl = payorch.baseUrl();
            for (ReadmeWalkthrough.Step step : walkthrough.steps()) {
                String output = run(step.commands(), baseUrl, work);
                if (step.shownAnswer() != null) {
                    assertSameAnswer(step, output);
                }
                Matcher ids = QR_ID.matcher(output);
                while (ids.find()) {
                    qrIds.add(ids.group(1));
                }
            }
            assertFalse(qrIds.isEmpty(), "the walkthrough created QRs");
            for (String id : qrIds) {
                answersBefore.add(get(baseUrl, id, work));
            }
        }
        try (PayorchProcess again = PayorchProcess.start(env)) {
            again.awaitHealthy(Duration.ofSeconds(120));
            for (int i = 0; i < qrIds.size(); i++) {
                String after = get(again.baseUrl(), qrIds.get(i), work);
                assertEquals(json.readValue(answersBefore.get(i), Object.class), json.readValue(after, Object.class),
                        "QR " + qrIds.get(i) + " after a restart");
            }
        }
    }

    private String get(String baseUrl, String id, Path work) throws Exception {
        return run("curl -s -u sandbox-merchant:sandbox-secret $PAYORCH/v1/qr-codes/" + id, baseUrl, work);
    }

    /** Runs one block with bash, the README's {@code PAYORCH} pointing at this jar. */
    private static String run(String commands, String baseUrl, Path work) throws IOException, InterruptedException {
        String script = commands.replace("export PAYORCH=http://localhost:8080", "export PAYORCH=" + baseUrl);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -o pipefail\n" + script)
                .directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PAYORCH", baseUrl);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("step did not finish in 120 s:\n" + commands);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "step failed:\n" + commands + "\n→\n" + output);
        return output;
    }

    private void assertSameAnswer(ReadmeWalkthrough.Step step, String output) throws IOException {
        if (step.textAnswer()) {
            assertEquals(step.shownAnswer().strip(), output.strip(), "step «" + step.heading() + "»");
            return;
        }
        Object shown = json.readValue(step.shownAnswer(), Object.class);
        Object actual;
        try {
            actual = json.readValue(output, Object.class);
        } catch (IOException e) {
            throw new AssertionError("step «" + step.heading() + "» answered no JSON:\n" + output, e);
        }
        compare(step.heading(), "$", shown, actual);
    }

    @SuppressWarnings("unchecked")
    private static void compare(String step, String path, Object shown, Object actual) {
        if (shown instanceof Map<?, ?> shownMap) {
            assertTrue(actual instanceof Map, step + ": " + path + " is not an object: " + actual);
            Map<String, Object> actualMap = (Map<String, Object>) actual;
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) shownMap).entrySet()) {
                String key = entry.getKey();
                assertTrue(actualMap.containsKey(key), step + ": " + path + "." + key + " missing in " + actual);
                if (STABLE.contains(key) && !(entry.getValue() instanceof Map) && !(entry.getValue() instanceof List)) {
                    assertEquals(String.valueOf(entry.getValue()), String.valueOf(actualMap.get(key)),
                            step + ": " + path + "." + key);
                } else {
                    compare(step, path + "." + key, entry.getValue(), actualMap.get(key));
                }
            }
        } else if (shown instanceof List<?> shownList && !shownList.isEmpty()) {
            assertTrue(actual instanceof List<?> l && !l.isEmpty(), step + ": " + path + " is empty: " + actual);
            compare(step, path + "[0]", shownList.get(0), ((List<?>) actual).get(0));
        }
    }
}
