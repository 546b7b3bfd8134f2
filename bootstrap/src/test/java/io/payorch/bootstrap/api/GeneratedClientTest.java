package io.payorch.bootstrap.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.payorch.bootstrap.support.ApiCalls;
import io.payorch.bootstrap.support.PostgresTestSupport;
import io.payorch.client.ApiClient;
import io.payorch.client.ApiException;
import io.payorch.client.api.AdminApi;
import io.payorch.client.api.QrCodesApi;
import io.payorch.client.api.TransferOtpsApi;
import io.payorch.client.model.AdminQr;
import io.payorch.client.model.CreateQrRequest;
import io.payorch.client.model.CreateQrRequestCustomer;
import io.payorch.client.model.Qr;
import io.payorch.client.model.QrPage;
import io.payorch.client.model.SendTransferOtpRequest;
import io.payorch.client.model.SendTransferOtpRequestLatitude;
import io.payorch.client.model.SendTransferOtpRequestLongitude;
import io.payorch.client.model.TransferOtp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;

import static io.payorch.bootstrap.support.Credentials.ADMIN;
import static io.payorch.bootstrap.support.Credentials.ADMIN_SECRET;
import static io.payorch.bootstrap.support.Credentials.MERCHANT;
import static io.payorch.bootstrap.support.Credentials.MERCHANT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README walkthrough's main steps through a Java client generated in the build from the
 * served document (openapi-generator, library native): if the document misdescribed an operation,
 * the client would send the wrong thing or fail to read the answer.
 */
@MicronautTest(environments = "sandbox")
class GeneratedClientTest extends PostgresTestSupport {

    @Inject
    EmbeddedServer server;

    @Test
    void aQrThroughEachProviderIsCreatedReadShownAndClosed() throws Exception {
        QrCodesApi qrs = new QrCodesApi(client(MERCHANT, MERCHANT_SECRET));

        Qr aop = qrs.createQrCode(new CreateQrRequest().registrationId("AOP-554").amount("10.00")
                .provider(CreateQrRequest.ProviderEnum.AOP), "generated-client-aop");
        assertEquals(Qr.StatusEnum.ACTIVE, aop.getStatus());
        assertEquals("10.00", aop.getAmount());
        assertEquals(aop, qrs.getQrCode(aop.getId()));

        File png = qrs.getQrCodePng(aop.getId(), 256, null);
        BufferedImage image = ImageIO.read(png);
        assertEquals(256, image.getWidth());
        assertTrue(Files.readString(qrs.getQrCodeSvg(aop.getId(), null, null).toPath()).contains("<svg"));

        Qr bos = qrs.createQrCode(new CreateQrRequest().registrationId("BOS-554").amount("25.50")
                .provider(CreateQrRequest.ProviderEnum.BOS), null);
        assertEquals(Qr.StatusEnum.ACTIVE, bos.getStatus());

        Qr oqpay = qrs.createQrCode(new CreateQrRequest().registrationId("OQP-101").amount("500")
                .provider(CreateQrRequest.ProviderEnum.OQPAY)
                .customer(new CreateQrRequestCustomer().name("Ajay Singh").mobile("9876543210").email("ajay@example.com")), null);
        assertEquals(Qr.StatusEnum.ACTIVE, oqpay.getStatus());

        Qr razorpay = qrs.createQrCode(new CreateQrRequest().registrationId("RZP-77").amount("99.00")
                .provider(CreateQrRequest.ProviderEnum.RAZORPAY).usage(CreateQrRequest.UsageEnum.MULTIPLE_USE), null);
        assertEquals(Qr.StatusEnum.ACTIVE, razorpay.getStatus());
        assertEquals(Qr.UsageEnum.MULTIPLE_USE, razorpay.getUsage());

        Qr closed = qrs.closeQrCode(razorpay.getId());
        assertEquals(Qr.StatusEnum.CLOSED, closed.getStatus());
        assertNotNull(closed.getClosedAt());

        ApiException gone = assertThrows(ApiException.class, () -> qrs.getQrCodePng(razorpay.getId(), null, null));
        assertEquals(410, gone.getCode());
        assertTrue(gone.getResponseBody().contains("\"code\":\"qr_not_active\""), gone.getResponseBody());
        ApiException bad = assertThrows(ApiException.class, () -> qrs.createQrCode(
                new CreateQrRequest().registrationId("AOP-554").amount("10.001"), null));
        assertEquals(400, bad.getCode());
    }

    @Test
    void aTransferOtpIsSentAndRead() throws Exception {
        TransferOtpsApi otps = new TransferOtpsApi(client(MERCHANT, MERCHANT_SECRET));
        TransferOtp sent = otps.sendTransferOtp(new SendTransferOtpRequest().registrationId("AOP-554")
                .remitterMobile("9876543210").beneficiaryId("60600077")
                .transferType(SendTransferOtpRequest.TransferTypeEnum.IMPS).amount("100.00").pincode("110045")
                .address("Delhi").dateOfBirth(LocalDate.of(2000, 8, 20)).latitude(new SendTransferOtpRequestLatitude("28.6090"))
                .longitude(new SendTransferOtpRequestLongitude(new BigDecimal("77.2362"))),
                "generated-client-otp");
        assertEquals(TransferOtp.StatusEnum.OTP_SENT, sent.getStatus());
        assertEquals("98XXXXXX10", sent.getRemitterMobile());
        assertEquals(sent, otps.getTransferOtp(sent.getId()));
    }

    @Test
    void anAdminSearchesAndAMerchantMayNot() throws Exception {
        new QrCodesApi(client(MERCHANT, MERCHANT_SECRET)).createQrCode(new CreateQrRequest().registrationId("BOS-900")
                .amount("12.00").provider(CreateQrRequest.ProviderEnum.BOS), null);
        AdminApi admin = new AdminApi(client(ADMIN, ADMIN_SECRET));
        QrPage page = admin.searchQrCodes(null, "BOS", "BOS-900", MERCHANT, null, null, 2, null);
        assertEquals(1, page.getItems().size());
        assertEquals("BOS-900", page.getItems().get(0).getRegistrationId());
        assertEquals(AdminQr.ProviderEnum.BOS, page.getItems().get(0).getProvider());
        assertEquals(MERCHANT, page.getItems().get(0).getMerchant());

        ApiException forbidden = assertThrows(ApiException.class, () -> new AdminApi(client(MERCHANT, MERCHANT_SECRET))
                .searchQrCodes(null, null, null, null, null, null, null, null));
        assertEquals(403, forbidden.getCode());
    }

    private ApiClient client(String id, String secret) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURI().toString());
        String authorization = ApiCalls.basic(id, secret);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return client;
    }
}
