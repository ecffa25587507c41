package dev.descent.orchestrator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import dev.descent.orchestrator.support.UnreachableBrokerProfile;
import dev.descent.orchestrator.support.YamlRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Submissions while no Kafka broker is reachable. */
@QuarkusTest
@TestProfile(UnreachableBrokerProfile.class)
class PublishFailureTest {

    @Test
    void unreachableBrokerReturns503() {
        String id = YamlRequests.post("application/yaml", ExperimentApiContract.GRID)
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:descent:problem:publish-failed"))
                .body("status", equalTo(503))
                .body("experimentId", notNullValue())
                .body("detail", containsString("PUBLISH_FAILED"))
                .extract().jsonPath().getString("experimentId");

        given().get("/api/experiments/" + id)
                .then().statusCode(200)
                .body("state", equalTo("PUBLISH_FAILED"))
                .body("publishError", notNullValue())
                .body("total", equalTo(4));
    }
}
