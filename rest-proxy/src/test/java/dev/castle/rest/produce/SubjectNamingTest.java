package dev.castle.rest.produce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubjectNamingTest {

    @Test
    void shouldNameSubjectsAsConfluentsStrategiesDo() {
        Optional<String> record = Optional.of("com.acme.Order");

        assertThat(SubjectNaming.TOPIC_NAME.subject("orders", false, record)).contains("orders-value");
        assertThat(SubjectNaming.TOPIC_NAME.subject("orders", true, record)).contains("orders-key");
        assertThat(SubjectNaming.RECORD_NAME.subject("orders", false, record)).contains("com.acme.Order");
        assertThat(SubjectNaming.TOPIC_RECORD_NAME.subject("orders", false, record))
                .contains("orders-com.acme.Order");
        assertThat(SubjectNaming.RECORD_NAME.subject("orders", false, Optional.empty()))
                .isEmpty();
    }

    @Test
    void shouldReadKarapacesAndConfluentsNamesOfTheStrategies() {
        assertThat(SubjectNaming.fromName("topic_name")).isEqualTo(SubjectNaming.TOPIC_NAME);
        assertThat(SubjectNaming.fromName("record_name")).isEqualTo(SubjectNaming.RECORD_NAME);
        assertThat(SubjectNaming.fromName("TopicRecordNameStrategy")).isEqualTo(SubjectNaming.TOPIC_RECORD_NAME);
    }
}
