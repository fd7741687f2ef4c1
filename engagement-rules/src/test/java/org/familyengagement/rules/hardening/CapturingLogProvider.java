package org.familyengagement.rules.hardening;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of engagement-rules' tests (registered in
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}, the only one on the test class
 * path). Every logger is enabled from TRACE up, as an operator who turns everything on for a
 * problem would have it (Drools logs each fact it inserts at TRACE), and writes into {@link CapturedLogs}, which keeps lines only while a
 * test captures them: other tests get a logger that formats and drops.
 *
 * <p>Loggers are enabled at all times, not only while capturing, because libraries may read
 * {@code isDebugEnabled()} once, when a class loads, and the test that captures may run after it.
 */
public final class CapturingLogProvider implements SLF4JServiceProvider {
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory loggerFactory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: loggers are made on demand.
    }

    /** A logger enabled from TRACE up that hands each formatted line, with any throwable's text, to {@link CapturedLogs}. */
    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                                                   Object[] arguments, Throwable throwable) {
            if (!CapturedLogs.isCapturing()) {
                return;
            }
            StringBuilder line = new StringBuilder().append(level).append(' ').append(name).append(" - ")
                    .append(MessageFormatter.basicArrayFormat(messagePattern, arguments));
            for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
                line.append(System.lineSeparator()).append("  caused by ").append(t);
            }
            CapturedLogs.append(line.toString());
        }
    }
}
