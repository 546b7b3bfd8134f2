package io.payorch.bootstrap.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import io.payorch.bootstrap.support.Sql;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule for every enum of the API, in bodies and in query parameters: the value is one of the
 * documented spellings exactly (case and all), with no surrounding space; anything else is a 400
 * naming the field.
 */
@MicronautTest(environments = "sandbox")
class StrictEnumsTest extends ApiTestSupport {

    @Test
    void providerIsOneOfItsSpellingsExactly() {
        for (String provider : new String[] {"aop", "oqPay", " AOP", "AOP ", "Razorpay", "bos"}) {
            HttpResponse<String> response = api.post("/v1/qr-codes", ApiCalls.merchant(),
                    "{\"registrationId\":\"ENUM-P\",\"amount\":\"10.00\",\"provider\":\"" + provider + "\"}", Map.of());
            assertField(response, "provider");
        }
        assertEquals(0, Sql.count("SELECT count(*) FROM qr_intent WHERE registration_id = 'ENUM-P'"));
        HttpResponse<String> exact = api.post("/v1/qr-codes", ApiCalls.merchant(),
                "{\"registrationId\":\"ENUM-P\",\"amount\":\"10.00\",\"provider\":\"AOP\"}", Map.of());
        assertEquals(201, exact.statusCode(), exact.body());
    }

    @Test
    void usageAndTransferTypeAreOneOfTheirSpellingsExactly() {
        for (String usage : new String[] {"SINGLE_USE", "Single_use", " single_use", "single-use"}) {
            assertField(api.post("/v1/qr-codes", ApiCalls.merchant(),
                    "{\"registrationId\":\"ENUM-U\",\"amount\":\"10.00\",\"usage\":\"" + usage + "\"}", Map.of()), "usage");
        }
        for (String type : new String[] {"imps", "Neft", " IMPS", "IMPS/NEFT"}) {
            assertField(api.post("/v1/transfer-otps", ApiCalls.merchant(), "{\"registrationId\":\"ENUM-T\","
                    + "\"remitterMobile\":\"9876543210\",\"beneficiaryId\":\"BEN-1\",\"transferType\":\"" + type + "\","
                    + "\"amount\":\"100\",\"pincode\":\"560001\",\"address\":\"12 MG Road\",\"dateOfBirth\":\"1990-01-01\","
                    + "\"latitude\":\"12.97\",\"longitude\":\"77.59\"}", Map.of()), "transferType");
        }
    }

    @Test
    void adminFiltersAreOneOfTheirSpellingsExactly() {
        assertField(api.get("/admin/qr-codes?status=active", ApiCalls.admin()), "status");
        assertField(api.get("/admin/qr-codes?status=%20ACTIVE", ApiCalls.admin()), "status");
        assertField(api.get("/admin/qr-codes?provider=aop", ApiCalls.admin()), "provider");
        assertField(api.get("/admin/qr-codes?provider=oqPay", ApiCalls.admin()), "provider");
        assertField(api.get("/admin/transfer-otps?status=otp_sent", ApiCalls.admin()), "status");
        assertEquals(200, api.get("/admin/qr-codes?status=ACTIVE&provider=OQPAY", ApiCalls.admin()).statusCode());
        assertEquals(200, api.get("/admin/transfer-otps?status=OTP_SENT", ApiCalls.admin()).statusCode());
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"field\":\"" + field + "\""), response.body());
    }
}
