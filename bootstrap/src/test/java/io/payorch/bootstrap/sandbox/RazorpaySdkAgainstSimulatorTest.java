package io.payorch.bootstrap.sandbox;

import com.razorpay.Entity;
import com.razorpay.QrCode;
import com.razorpay.RazorpayClient;
import com.razorpay.RazorpayException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.ApiTestSupport;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official {@code com.razorpay:razorpay-java} SDK against the Razorpay simulator: every QR Code
 * call of its {@code QrCodeClient}, and its errors, parsed by the SDK as the real API's. The SDK has
 * no base-URL setting; an OkHttp interceptor sends its api.razorpay.com requests to the sandbox.
 */
@MicronautTest(environments = "sandbox")
class RazorpaySdkAgainstSimulatorTest extends ApiTestSupport {

    private static final Pattern REFERENCE = Pattern.compile("\"providerReference\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    RazorpayClient razorpay;

    @BeforeAll
    void setUp() throws Exception {
        razorpay = new RazorpayClient("rzp_test_sandbox", "sandbox-key-secret");
        redirectTo(server.getPort());
    }

    @Test
    void createsFetchesListsAndClosesSingleAndMultipleUseQrCodes() throws RazorpayException {
        long now = Instant.now().getEpochSecond();
        QrCode single = razorpay.qrCode.create(new JSONObject().put("type", "upi_qr").put("name", "Store Front Display")
                .put("usage", "single_use").put("fixed_amount", true).put("payment_amount", 300)
                .put("description", "For Store 1").put("close_by", now + 3600)
                .put("notes", new JSONObject().put("purpose", "SDK test")));
        assertTrue(single.<String>get("id").startsWith("qr_"), single.toString());
        assertEquals("active", single.get("status"));
        assertEquals(300, single.<Integer>get("payment_amount"));

        QrCode multiple = razorpay.qrCode.create(new JSONObject().put("type", "upi_qr").put("name", "Counter 2")
                .put("usage", "multiple_use").put("fixed_amount", false));
        assertEquals("multiple_use", multiple.get("usage"));

        QrCode fetched = razorpay.qrCode.fetch(single.get("id"));
        assertEquals(single.<String>get("id"), fetched.get("id"));
        assertEquals("For Store 1", fetched.get("description"));

        List<QrCode> newest = razorpay.qrCode.fetchAll(new JSONObject().put("count", 2));
        assertEquals(List.of(multiple.<String>get("id"), single.<String>get("id")),
                newest.stream().map(q -> q.<String>get("id")).toList());
        List<QrCode> skipped = razorpay.qrCode.fetchAll(new JSONObject().put("count", 1).put("skip", 1));
        assertEquals(List.of(single.<String>get("id")), skipped.stream().map(q -> q.<String>get("id")).toList());
        assertEquals(List.of(), razorpay.qrCode.fetchAll(new JSONObject().put("from", now + 86_400)));
        assertTrue(razorpay.qrCode.fetchAll(new JSONObject().put("from", now - 60).put("to", now + 3600)).size() >= 2);
        assertTrue(razorpay.qrCode.fetchAll().size() >= 2, "no parameters: the first 10");

        QrCode closed = razorpay.qrCode.close(multiple.get("id"));
        assertEquals("closed", closed.get("status"));
        assertEquals("on_demand", closed.get("close_reason"));
    }

    @Test
    void listsTheQrCodesPaymentsThatItsWebhookReported() throws RazorpayException {
        HttpResponse<String> created = api.post("/v1/qr-codes", ApiCalls.merchant(), "{\"registrationId\":\"RZP-SDK-"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"amount\":\"10.00\",\"provider\":\"RAZORPAY\"}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        String qrId = group(ID, created.body());
        String reference = group(REFERENCE, created.body());
        assertEquals(List.of(), razorpay.qrCode.fetchAllPayments(reference));

        HttpResponse<String> paid = api.post("/sandbox/qr-codes/" + qrId + "/pay", null, "", Map.of());
        assertEquals(200, paid.statusCode(), paid.body());

        List<?> payments = razorpay.qrCode.fetchAllPayments(reference, new JSONObject().put("count", 10));
        assertEquals(1, payments.size());
        Entity payment = (Entity) payments.get(0);
        assertEquals("payment", payment.get("entity"));
        assertEquals(1000, payment.<Integer>get("amount"));
        assertEquals("captured", payment.get("status"));
        assertEquals("upi", payment.get("method"));
        QrCode qr = razorpay.qrCode.fetch(reference);
        assertEquals(1, qr.<Integer>get("payments_count_received"));
        assertEquals("closed", qr.get("status"));
        assertEquals("paid", qr.get("close_reason"));
    }

    @Test
    void errorsArriveAsRazorpayExceptions() throws RazorpayException {
        RazorpayException unknown = assertThrows(RazorpayException.class, () -> razorpay.qrCode.fetch("qr_DoesNotExist00"));
        assertEquals("BAD_REQUEST_ERROR:The id provided does not exist", unknown.getMessage());

        RazorpayException tooMany = assertThrows(RazorpayException.class,
                () -> razorpay.qrCode.fetchAll(new JSONObject().put("count", 101)));
        assertEquals("BAD_REQUEST_ERROR:The count may not be greater than 100.", tooMany.getMessage());

        RazorpayException invalid = assertThrows(RazorpayException.class, () -> razorpay.qrCode.create(
                new JSONObject().put("type", "upi_qr").put("usage", "single_use").put("fixed_amount", false)));
        assertTrue(invalid.getMessage().startsWith("BAD_REQUEST_ERROR:"), invalid.getMessage());

        QrCode qr = razorpay.qrCode.create(new JSONObject().put("type", "upi_qr").put("usage", "multiple_use"));
        razorpay.qrCode.close(qr.get("id"));
        RazorpayException again = assertThrows(RazorpayException.class, () -> razorpay.qrCode.close(qr.get("id")));
        assertEquals("BAD_REQUEST_ERROR:The QR Code is already closed", again.getMessage());

        RazorpayException noSuchPath = assertThrows(RazorpayException.class,
                () -> razorpay.qrCode.get("v1", "payments/qr_codes/" + qr.get("id") + "/refunds", null));
        assertEquals("BAD_REQUEST_ERROR:The requested URL was not found on the server.", noSuchPath.getMessage());
        RazorpayException wrongMethod = assertThrows(RazorpayException.class,
                () -> razorpay.qrCode.delete("v1", "payments/qr_codes/" + qr.get("id"), null));
        assertEquals("BAD_REQUEST_ERROR:The requested HTTP method is not allowed for this URL.", wrongMethod.getMessage());

        RazorpayException badKey = assertThrows(RazorpayException.class,
                () -> new RazorpayClient("rzp_test_sandbox", "wrong-secret").qrCode.fetch(qr.get("id")));
        assertEquals("BAD_REQUEST_ERROR:The api key provided is invalid", badKey.getMessage());
    }

    @Test
    void everyErrorUnderTheSimulatorIsRazorpaysEnvelopeNotAPayorchProblem() {
        for (String path : new String[] {"/sandbox/razorpay/v1/nothing", "/sandbox/razorpay/v1/payments/qr_codes/x/y/z"}) {
            HttpResponse<String> response = api.get(path, null);
            assertEquals(404, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(response.body().startsWith("{\"error\":{\"code\":\"BAD_REQUEST_ERROR\""), response.body());
        }
        HttpResponse<String> malformed = api.post("/sandbox/razorpay/v1/payments/qr_codes", ApiCalls.basic(
                "rzp_test_sandbox", "sandbox-key-secret"), "{not json", Map.of());
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().startsWith("{\"error\":{\"code\":\"BAD_REQUEST_ERROR\""), malformed.body());
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    /** The SDK keeps one OkHttpClient in {@code ApiUtils.client}; its requests to api.razorpay.com go to the sandbox. */
    private static void redirectTo(int port) throws ReflectiveOperationException {
        Field field = Class.forName("com.razorpay.ApiUtils").getDeclaredField("client");
        field.setAccessible(true);
        OkHttpClient sdkClient = (OkHttpClient) field.get(null);
        field.set(null, sdkClient.newBuilder().addInterceptor(chain -> {
            Request request = chain.request();
            HttpUrl url = request.url();
            if (!"api.razorpay.com".equals(url.host())) {
                return chain.proceed(request);
            }
            HttpUrl sandbox = url.newBuilder().scheme("http").host("127.0.0.1").port(port)
                    .encodedPath("/sandbox/razorpay" + url.encodedPath()).build();
            return chain.proceed(request.newBuilder().url(sandbox).build());
        }).build());
    }
}
