package io.leadflow.connector.contract;

import io.leadflow.connector.emulator.EmulatorMode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * A contract scenario that runs twice: against the emulator's documented guesses
 * ({@code optimistic}) and against the pessimistic reading of every unconfirmed behaviour
 * ({@code pessimistic}, see {@link EmulatorMode}). The mode is handed to the test instance
 * ({@link ModeAware}) before its {@code @BeforeEach} methods run.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothModes.Provider.class)
public @interface BothModes {

    /** A test class that can be told the mode of the run about to start. */
    interface ModeAware {
        void useMode(EmulatorMode mode);
    }

    final class Provider implements TestTemplateInvocationContextProvider {
        @Override
        public boolean supportsTestTemplate(ExtensionContext context) {
            return context.getTestInstance().map(ModeAware.class::isInstance).orElse(true);
        }

        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            return Stream.of(EmulatorMode.values()).map(Provider::run);
        }

        private static TestTemplateInvocationContext run(EmulatorMode mode) {
            return new TestTemplateInvocationContext() {
                @Override
                public String getDisplayName(int invocationIndex) {
                    return mode.wire();
                }

                @Override
                public List<Extension> getAdditionalExtensions() {
                    return List.of((BeforeEachCallback) c -> ((ModeAware) c.getRequiredTestInstance()).useMode(mode));
                }
            };
        }
    }
}
