package shop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.testkit.FlowUnderTest;
import io.leadflow.testkit.LeadflowArbitraries;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The shop's own property tests of its rule files. */
class OrdersPropertiesTest {
    static final FlowUnderTest ORDERS = FlowUnderTest.load(Path.of("rules"), "horoshop orders");

    @Provide
    Arbitrary<ObjectNode> orders() {
        return LeadflowArbitraries.leads(ORDERS);
    }

    @Provide
    Arbitrary<String> crm() {
        return LeadflowArbitraries.crmStates();
    }

    @Property(tries = 200)
    void noOrderBreaksTheBuiltInProperties(@ForAll("orders") ObjectNode order, @ForAll("crm") String crm) {
        ORDERS.run(order, crm).assertBuiltInPropertiesHold();
    }

    @Property(tries = 200)
    void aRepeatBuyerWithAnOpenDealNeverGetsASecondDeal(@ForAll("orders") ObjectNode order) {
        ORDERS.run(order, "open_deal").assertNo("create deal");
    }
}
