package dev.descent.orchestrator.support;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;

import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Posts experiment files as raw bytes with exactly the Content-Type given. */
public final class YamlRequests {

    private YamlRequests() {
    }

    /** Posts UTF-8 text to {@code /api/experiments}. */
    public static Response post(String contentType, String yaml) {
        return post(contentType, yaml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts bytes to {@code /api/experiments}. REST Assured would otherwise append {@code charset=ISO-8859-1} to
     * text types and refuse to encode YAML types.
     */
    public static Response post(String contentType, byte[] body) {
        return given()
                .config(RestAssured.config().encoderConfig(
                        encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType)
                .body(body)
                .post("/api/experiments");
    }
}
