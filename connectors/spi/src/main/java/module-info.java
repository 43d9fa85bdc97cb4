/**
 * The connectors SPI: the one meeting point of the compiler, the runtime and the connectors.
 * Every package is API (a connector implements these types); nothing else is here.
 */
module io.leadflow.spi {
    requires transitive com.fasterxml.jackson.databind;

    exports io.leadflow.spi;
    exports io.leadflow.spi.account;
    exports io.leadflow.spi.effect;
    exports io.leadflow.spi.error;
    exports io.leadflow.spi.job;
    exports io.leadflow.spi.record;
    exports io.leadflow.spi.source;

    uses io.leadflow.spi.ConnectorDescriptorProvider;
    uses io.leadflow.spi.source.SourceDescriptorProvider;
    uses io.leadflow.spi.job.JobSpecProvider;
}
