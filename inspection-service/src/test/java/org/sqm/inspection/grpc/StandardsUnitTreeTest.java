package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.inspection.client.StandardsUnitTree;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;

/** The service's own UnitTree reads standards-service's units, inactive ones too, from inside a transaction as well. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StandardsUnitTreeTest {

    @Inject
    StandardsUnitTree tree;

    @Test
    void aSubtreeHoldsTheRootAndEveryUnitBelowItAlsoWhenAskedInsideATransaction() {
        String region = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_CITY_BRANCH);
        String county = FakeStandardsBackend.unit(region, UnitType.UNIT_TYPE_COUNTY_BRANCH);
        String hall = FakeStandardsBackend.unit(county, UnitType.UNIT_TYPE_SERVICE_HALL);
        FakeStandardsBackend.deactivate(hall);
        FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        Set<UUID> expected = Set.of(UUID.fromString(region), UUID.fromString(county), UUID.fromString(hall));
        assertEquals(expected, tree.subtree(UUID.fromString(region)));
        assertEquals(expected, QuarkusTransaction.requiringNew().call(() -> tree.subtree(UUID.fromString(region))));
    }
}
