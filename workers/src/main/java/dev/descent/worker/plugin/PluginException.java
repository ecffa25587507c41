package dev.descent.worker.plugin;

/** A plug-in jar or plug-in class that the worker cannot load, with what to do about it. */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
