package io.payorch.bootstrap.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Idempotency-Key is released when its request changed nothing (refused with a 4xx, or failed
 * before any provider was called), so the retry runs; it is kept, and the answer replayed, once a
 * provider was called (a 502 or 504 must not lead to a second QR or a second OTP). Failures are
 * injected into the real PostgreSQL with triggers on one registration id.
 */
@MicronautTest(environments = "sandbox")
class IdempotencyReleaseTest extends ApiTestSupport {

    private static final String OTP_BODY = "{\"registrationId\":\"%s\",\"remitterMobile\":\"9876543210\","
            + "\"beneficiaryId\":\"BEN-1\",\"transferType\":\"IMPS\",\"amount\":\"100\",\"pincode\":\"560001\","
            + "\"address\":\"12 MG Road\",\"dateOfBirth\":\"1990-01-01\",\"latitude\":\"12.97\",\"longitude\":\"77.59\"}";

    @Test
    void aQrWhoseRecordingFailedBeforeTheProviderCallLeavesTheKeyFree() throws SQLException {
        String registrationId = "IDEM-INS-" + suffix();
        String key = "release-" + UUID.randomUUID();
        HttpResponse<String> failed;
        try (AutoCloseable trigger = failing("qr_intent", "INSERT", registrationId)) {
            failed = createQr(registrationId, key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(500, failed.statusCode(), failed.body());
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ?", registrationId));

        HttpResponse<String> retried = createQr(registrationId, key);
        assertEquals(201, retried.statusCode(), retried.body());
        assertEquals(1, Sql.count("SELECT count(*) FROM qr_provider_attempt a JOIN qr_intent q ON q.id = a.qr_id "
                + "WHERE q.registration_id = ?", registrationId));
    }

    @Test
    void anOtpWhoseRecordingFailedBeforeTheProviderCallLeavesTheKeyFree() {
        String registrationId = "IDEM-OTP-" + suffix();
        String key = "release-" + UUID.randomUUID();
        HttpResponse<String> failed;
        try (AutoCloseable trigger = failing("transfer_otp", "INSERT", registrationId)) {
            failed = sendOtp(registrationId, key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(500, failed.statusCode(), failed.body());
        HttpResponse<String> retried = sendOtp(registrationId, key);
        assertEquals(201, retried.statusCode(), retried.body());
        assertEquals(1, Sql.count("SELECT count(*) FROM transfer_otp WHERE registration_id = ?", registrationId));
    }

    @Test
    void aFailureAfterTheProviderWasCalledKeepsTheKeySoNoSecondQrIsMade() {
        String registrationId = "IDEM-UPD-" + suffix();
        String key = "kept-" + UUID.randomUUID();
        HttpResponse<String> failed;
        HttpResponse<String> retried;
        try (AutoCloseable trigger = failing("qr_intent", "UPDATE", registrationId)) {
            failed = createQr(registrationId, key);
            retried = createQr(registrationId, key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(500, failed.statusCode(), failed.body());
        assertEquals(409, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("idempotency_key_in_flight"), retried.body());
        assertEquals(1, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ?", registrationId));
    }

    @Test
    void aStored502IsReplayedWithoutCallingTheProviderAgain() {
        String qrRegistration = "IDEM-" + suffix() + "-FAIL500";
        String key = "replay-" + UUID.randomUUID();
        HttpResponse<String> first = createQr(qrRegistration, key);
        assertEquals(502, first.statusCode(), first.body());
        HttpResponse<String> replay = createQr(qrRegistration, key);
        assertEquals(502, replay.statusCode(), replay.body());
        assertEquals(first.body(), replay.body());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(1, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = ?", qrRegistration));

        String otpRegistration = "IDEM-" + suffix() + "-FAIL500";
        String otpKey = "replay-" + UUID.randomUUID();
        HttpResponse<String> otp = sendOtp(otpRegistration, otpKey);
        assertEquals(502, otp.statusCode(), otp.body());
        HttpResponse<String> otpReplay = sendOtp(otpRegistration, otpKey);
        assertEquals(502, otpReplay.statusCode(), otpReplay.body());
        assertEquals("true", otpReplay.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(1, Sql.count("SELECT count(*) FROM transfer_otp WHERE registration_id = ?", otpRegistration));
    }

    private HttpResponse<String> createQr(String registrationId, String key) {
        return api.post("/v1/qr-codes", ApiCalls.merchant(), "{\"registrationId\":\"" + registrationId
                + "\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of("Idempotency-Key", key));
    }

    private HttpResponse<String> sendOtp(String registrationId, String key) {
        return api.post("/v1/transfer-otps", ApiCalls.merchant(), OTP_BODY.formatted(registrationId),
                Map.of("Idempotency-Key", key));
    }

    /** A trigger that makes PostgreSQL refuse {@code operation} on {@code table} for one registration id. */
    private static AutoCloseable failing(String table, String operation, String registrationId) throws SQLException {
        String name = "fail_" + registrationId.toLowerCase().replaceAll("[^a-z0-9]", "_");
        try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.registration_id = '" + registrationId + "' THEN RAISE EXCEPTION 'injected failure'; END IF; "
                    + "RETURN NEW; END $$");
            s.execute("CREATE TRIGGER " + name + " BEFORE " + operation + " ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        }
        return () -> {
            try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER " + name + " ON " + table);
                s.execute("DROP FUNCTION " + name + "()");
            }
        };
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
