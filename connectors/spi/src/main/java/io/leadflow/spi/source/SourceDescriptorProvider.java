package io.leadflow.spi.source;

/** Found with {@link java.util.ServiceLoader}: each module that reads leads from a system registers one. */
public interface SourceDescriptorProvider {
    SourceDescriptor descriptor();
}
