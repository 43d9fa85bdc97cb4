package io.leadflow.connector.baselinker;

import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.ConnectorDescriptorProvider;

/** Registers Baselinker's schema for the compiler. */
public final class BaselinkerDescriptorProvider implements ConnectorDescriptorProvider {
    @Override
    public ConnectorDescriptor descriptor() {
        return BaselinkerSchema.DESCRIPTOR;
    }
}
