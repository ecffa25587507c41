package dev.descent.orchestrator.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;

/** Reads request bodies as UTF-8 text within a size limit. */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Reads the body as UTF-8 text, dropping a leading byte order mark.
     *
     * @param declaredLength the Content-Length header, or a negative number when absent
     * @throws ProblemException 415 when the Content-Type names another charset, 413 when the body exceeds
     *         {@code maxBytes}, 400 when it is not valid UTF-8
     */
    static String readUtf8(InputStream body, MediaType mediaType, long declaredLength, long maxBytes) {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new ProblemException(415, "unsupported-charset", "Unsupported charset",
                    "The Content-Type names charset '" + charset + "'; send the experiment file in UTF-8.")
                    .with("charset", charset);
        }
        if (declaredLength > maxBytes) {
            throw tooLarge(declaredLength, maxBytes);
        }
        byte[] bytes = readAtMost(body, maxBytes);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        catch (MalformedInputException e) {
            throw new ProblemException(400, "invalid-encoding", "Body is not UTF-8",
                    "The body has an invalid UTF-8 sequence; save the experiment file as UTF-8 and submit again.");
        }
        catch (CharacterCodingException e) {
            throw new ProblemException(400, "invalid-encoding", "Body is not UTF-8",
                    "The body is not valid UTF-8 (" + e + "); save the experiment file as UTF-8 and submit again.");
        }
    }

    private static byte[] readAtMost(InputStream body, long maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int read;
            while ((read = body.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw tooLarge(-1, maxBytes);
                }
                out.write(buffer, 0, read);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        return out.toByteArray();
    }

    private static ProblemException tooLarge(long declaredLength, long maxBytes) {
        String size = declaredLength >= 0 ? declaredLength + " bytes" : "more than " + maxBytes + " bytes";
        return new ProblemException(413, "body-too-large", "Request body too large",
                "The experiment file has " + size + ", more than the limit of " + maxBytes + " bytes set by "
                        + "descent.orchestrator.max-body-size; shorten the file or split the experiment.")
                .with("maxBytes", maxBytes);
    }
}
