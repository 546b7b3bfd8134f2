package io.payorch.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorTest {

    @Test
    void eachActorIsSpelledAsTheAuditTrailNamesIt() {
        assertEquals("merchant:acme", Actor.merchant("acme").source());
        assertEquals("admin:ops", Actor.admin("ops").source());
        assertEquals("provider:RAZORPAY", Actor.provider(Provider.RAZORPAY).source());
        assertEquals("provider:DMT", Actor.provider("DMT").source());
        assertEquals("sweep", Actor.SWEEP.source());
        assertEquals("reconciliation", Actor.RECONCILIATION.source());
    }

    @Test
    void onlyAMerchantHasAMerchantIdAndOnlyAnAdminIsAdmin() {
        assertEquals("acme", Actor.merchant("acme").merchantId());
        assertNull(Actor.admin("acme").merchantId());
        assertTrue(Actor.admin("ops").isAdmin());
        assertFalse(Actor.merchant("ops").isAdmin());
    }

    @Test
    void namedActorsNeedANameAndTheSchedulersHaveNone() {
        assertThrows(IllegalArgumentException.class, () -> Actor.merchant(" "));
        assertThrows(IllegalArgumentException.class, () -> Actor.admin(null));
        assertThrows(IllegalArgumentException.class, () -> new Actor(Actor.Kind.SWEEP, "x"));
    }

    @Test
    void aQrBelongsToItsCreatorOnlyAndALegacyQrToNoMerchant() {
        QrIntent qr = QrIntent.open("qr_1", "acme", "R-1", Money.parse("10"), QrUsage.SINGLE_USE, null, Provider.AOP,
                java.time.Instant.EPOCH);
        assertTrue(qr.isOwnedBy("acme"));
        assertFalse(qr.isOwnedBy("globex"));
        assertFalse(qr.isOwnedBy(null));
        assertEquals("merchant:acme", qr.pendingChanges().get(0).source());

        QrIntent.Snapshot s = qr.snapshot();
        QrIntent legacy = QrIntent.restore(new QrIntent.Snapshot(s.id(), s.registrationId(), s.amount(), s.usage(),
                s.description(), s.createdAt(), s.version(), s.provider(), s.status(), null, null, null, null, null, null,
                null, 0, 0, null));
        assertFalse(legacy.isOwnedBy("acme"));
        assertFalse(legacy.isOwnedBy(null));
    }
}
