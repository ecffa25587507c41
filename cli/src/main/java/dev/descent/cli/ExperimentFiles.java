package dev.descent.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads experiment files. */
final class ExperimentFiles {

    private ExperimentFiles() {
    }

    /**
     * Returns the file's text.
     *
     * @throws IOException when the file cannot be read or is not valid UTF-8
     */
    static String readUtf8(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException e) {
            throw new IOException("the file is not valid UTF-8; save it as UTF-8", e);
        }
    }
}
