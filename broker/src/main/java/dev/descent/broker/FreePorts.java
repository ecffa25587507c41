package dev.descent.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks unused TCP ports on 127.0.0.1, for tests and stacks that must not collide with a running one. */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns a port that was free a moment ago; another process may still take it before the caller binds. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }
}
