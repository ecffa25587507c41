package dev.descent.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        }
        catch (NoSuchFileException e) {
            throw new IOException("file not found; check the path", e);
        }
        catch (AccessDeniedException e) {
            throw new IOException("permission denied", e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException e) {
            throw new IOException("the file is not valid UTF-8; save it as UTF-8", e);
        }
    }
}
