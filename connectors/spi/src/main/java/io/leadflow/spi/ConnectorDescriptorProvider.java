package io.leadflow.spi;

/**
 * Found with {@link java.util.ServiceLoader}: each connector module registers one, so the
 * compiler and the command line see every connector on the class path.
 */
public interface ConnectorDescriptorProvider {
    ConnectorDescriptor descriptor();
}
