package org.safepassage.twilio.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TwilioStandInTest {
    private static final String TWILIO_NUMBER = "+15005550006";
    private static final String HANDSET = "+40712345678";

    private TwilioStandIn standIn;
    private WebhookReceiver receiver;
    private TwilioRestClient client;

    @BeforeEach
    void start() throws IOException {
        receiver = new WebhookReceiver();
        standIn = TwilioStandIn.builder()
                .latency(Duration.ofMillis(20))
                .inboundWebhook(receiver.base() + "/twilio/inbound?tenant=ro")
                .start();
        client = clientWith(standIn.authToken());
    }

    @AfterEach
    void stop() {
        standIn.close();
        receiver.close();
    }

    private TwilioRestClient clientWith(final String authToken) {
        return new TwilioRestClient.Builder(standIn.accountSid(), authToken)
                .httpClient(new RedirectingHttpClient(standIn.baseUrl()))
                .build();
    }

    private Message send(final String to, final String body) {
        return Message.creator(new PhoneNumber(to), new PhoneNumber(TWILIO_NUMBER), body)
                .setStatusCallback(URI.create(receiver.base() + "/twilio/status?verification=v1"))
                .setValidityPeriod(600)
                .create(client);
    }

    @Nested
    class Messages_api {
        @Test
        void creates_a_queued_message_the_way_twilio_answers() {
            final Message message = send(HANDSET, "Codul tău SafePassage: 123456");

            assertThat(message.getSid()).matches("SM[0-9a-f]{32}");
            assertThat(message.getAccountSid()).isEqualTo(standIn.accountSid());
            assertThat(message.getStatus()).isEqualTo(Message.Status.QUEUED);
            assertThat(message.getTo()).isEqualTo(HANDSET);
            assertThat(message.getFrom().toString()).isEqualTo(TWILIO_NUMBER);
            assertThat(message.getBody()).isEqualTo("Codul tău SafePassage: 123456");
            assertThat(message.getDirection()).isEqualTo(Message.Direction.OUTBOUND_API);
            assertThat(message.getDateCreated()).isNotNull();
            assertThat(message.getDateUpdated()).isNotNull();
            assertThat(standIn.messagesTo(HANDSET)).singleElement().satisfies(m -> {
                assertThat(m.sid()).isEqualTo(message.getSid());
                assertThat(m.validityPeriod()).isEqualTo(600);
            });
        }

        @Test
        void fetches_then_deletes_a_message() {
            final Message created = send(HANDSET, "hello");

            final Message fetched = Message.fetcher(created.getSid()).fetch(client);
            assertThat(fetched.getSid()).isEqualTo(created.getSid());
            assertThat(fetched.getBody()).isEqualTo("hello");

            assertThat(Message.deleter(created.getSid()).delete(client)).isTrue();
            assertThatThrownBy(() -> Message.fetcher(created.getSid()).fetch(client))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(404);
                        assertThat(e.getCode()).isEqualTo(20404);
                    });
        }

        @Test
        void lists_messages_filtered_by_recipient() {
            send(HANDSET, "one");
            send("+40799999999", "other");
            send(HANDSET, "two");

            final List<Message> toHandset = StreamSupport.stream(
                            Message.reader().setTo(new PhoneNumber(HANDSET)).read(client).spliterator(), false)
                    .toList();

            assertThat(toHandset).extracting(Message::getBody).containsExactlyInAnyOrder("one", "two");
        }

        @Test
        void refuses_a_wrong_auth_token_with_401_code_20003() {
            final TwilioRestClient intruder = clientWith("not-the-token");

            assertThatThrownBy(() -> Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(TWILIO_NUMBER), "x")
                            .create(intruder))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(401);
                        assertThat(e.getCode()).isEqualTo(20003);
                    });
            assertThat(standIn.messages()).isEmpty();
        }

        @Test
        void refuses_an_opted_out_number_with_error_21610() {
            standIn.optedOut(HANDSET);

            assertThatThrownBy(() -> send(HANDSET, "x"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21610));
        }

        @Test
        void answers_missing_parameters_in_twilios_error_shape() throws Exception {
            final HttpResponse<String> noBody = post(
                    "/2010-04-01/Accounts/" + standIn.accountSid() + "/Messages.json",
                    "To=%2B40712345678&From=%2B15005550006",
                    standIn.accountSid(),
                    standIn.authToken());

            assertThat(noBody.statusCode()).isEqualTo(400);
            final JsonNode error = Http.JSON.readTree(noBody.body());
            assertThat(error.get("code").asInt()).isEqualTo(21602);
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("message").asText()).contains("body");
            assertThat(error.get("more_info").asText()).endsWith("/21602");

            assertThat(post(
                                    "/2010-04-01/Accounts/" + standIn.accountSid() + "/Messages.json",
                                    "From=%2B15005550006&Body=x",
                                    standIn.accountSid(),
                                    standIn.authToken())
                            .body())
                    .contains("21604");
            assertThat(post(
                                    "/2010-04-01/Accounts/" + standIn.accountSid() + "/Messages.json",
                                    "To=%2B40712345678&From=%2B15005550006&Body=x&ValidityPeriod=0",
                                    standIn.accountSid(),
                                    standIn.authToken())
                            .statusCode())
                    .isEqualTo(400);
        }

        @Test
        void answers_another_account_with_404() throws Exception {
            final HttpResponse<String> response = post(
                    "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json",
                    "To=%2B40712345678&From=%2B15005550006&Body=x",
                    standIn.accountSid(),
                    standIn.authToken());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("20404");
        }
    }

    @Nested
    class Delivery {
        @Test
        void posts_sent_then_delivered_callbacks_that_request_validator_accepts() {
            final Message message = send(HANDSET, "hello");

            final WebhookReceiver.Received delivered = receiver.await(r -> "delivered".equals(r.params().get("MessageStatus")));

            assertThat(delivered.url()).isEqualTo(receiver.base() + "/twilio/status?verification=v1");
            assertThat(delivered.params())
                    .containsEntry("MessageSid", message.getSid())
                    .containsEntry("SmsSid", message.getSid())
                    .containsEntry("To", HANDSET)
                    .containsEntry("From", TWILIO_NUMBER)
                    .containsEntry("AccountSid", standIn.accountSid());
            assertThat(new RequestValidator(standIn.authToken())
                            .validate(delivered.url(), delivered.params(), delivered.signature()))
                    .isTrue();
            assertThat(receiver.received())
                    .extracting(r -> r.params().get("MessageStatus"))
                    .containsExactly("sent", "delivered");
            assertThat(Message.fetcher(message.getSid()).fetch(client).getStatus())
                    .isEqualTo(Message.Status.DELIVERED);
        }

        @Test
        void a_tampered_callback_fails_validation() {
            send(HANDSET, "hello");
            final WebhookReceiver.Received delivered = receiver.await(r -> "delivered".equals(r.params().get("MessageStatus")));
            final RequestValidator validator = new RequestValidator(standIn.authToken());

            final Map<String, String> tampered = new HashMap<>(delivered.params());
            tampered.put("MessageStatus", "undelivered");

            assertThat(validator.validate(delivered.url(), tampered, delivered.signature())).isFalse();
            assertThat(validator.validate(delivered.url() + "&x=1", delivered.params(), delivered.signature()))
                    .isFalse();
            assertThat(new RequestValidator("another-token")
                            .validate(delivered.url(), delivered.params(), delivered.signature()))
                    .isFalse();
        }

        @Test
        void an_undeliverable_number_ends_undelivered_with_error_30003() {
            standIn.undeliverable(HANDSET);
            final Message message = send(HANDSET, "hello");

            final WebhookReceiver.Received last = receiver.await(r -> "undelivered".equals(r.params().get("MessageStatus")));

            assertThat(last.params()).containsEntry("ErrorCode", "30003");
            final Message fetched = Message.fetcher(message.getSid()).fetch(client);
            assertThat(fetched.getStatus()).isEqualTo(Message.Status.UNDELIVERED);
            assertThat(fetched.getErrorCode()).isEqualTo(30003);
        }

        @Test
        void a_message_that_outlives_its_validity_period_fails_and_is_never_sent() {
            standIn.queueDelay(HANDSET, Duration.ofMillis(1500));
            final Message message = Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(TWILIO_NUMBER), "late")
                    .setStatusCallback(URI.create(receiver.base() + "/twilio/status"))
                    .setValidityPeriod(1)
                    .create(client);

            final WebhookReceiver.Received failed = receiver.await(r -> "failed".equals(r.params().get("MessageStatus")));

            assertThat(failed.params()).containsEntry("MessageSid", message.getSid()).containsEntry("ErrorCode", "30001");
            assertThat(receiver.received()).extracting(r -> r.params().get("MessageStatus")).containsExactly("failed");
            assertThat(standIn.message(message.getSid()).orElseThrow().dateSent()).isNull();
        }
    }

    @Nested
    class Retries {
        @Test
        void twilio_java_retries_a_500_and_the_message_is_created_once() {
            standIn.failNextCreates(2);

            final Message message = send(HANDSET, "hello");

            assertThat(standIn.createRequests()).isEqualTo(3);
            assertThat(standIn.messagesTo(HANDSET)).singleElement().extracting(SmsMessage::sid).isEqualTo(message.getSid());
        }

        @Test
        void a_blind_retry_after_a_500_that_was_accepted_sends_the_text_twice() {
            standIn.failNextCreatesAfterAccepting(1);

            send(HANDSET, "hello");

            assertThat(standIn.createRequests()).isEqualTo(2);
            assertThat(standIn.messagesTo(HANDSET)).hasSize(2);
        }
    }

    @Nested
    class Inbound {
        @Test
        void a_reply_posts_a_signed_inbound_webhook_with_every_twilio_parameter() {
            final WebhookCall call = standIn.reply(HANDSET, TWILIO_NUMBER, "APPROVE 482913");

            assertThat(call.responseStatus()).isEqualTo(200);
            final WebhookReceiver.Received got = receiver.await(r -> "APPROVE 482913".equals(r.params().get("Body")));
            assertThat(got.url()).isEqualTo(receiver.base() + "/twilio/inbound?tenant=ro");
            assertThat(got.params())
                    .containsEntry("From", HANDSET)
                    .containsEntry("To", TWILIO_NUMBER)
                    .containsEntry("MessageSid", call.messageSid())
                    .containsEntry("AccountSid", standIn.accountSid())
                    .containsEntry("NumMedia", "0")
                    .containsKeys("SmsSid", "SmsMessageSid", "SmsStatus", "NumSegments", "ApiVersion", "FromCountry");
            final RequestValidator validator = new RequestValidator(standIn.authToken());
            assertThat(validator.validate(got.url(), got.params(), got.signature())).isTrue();

            final Map<String, String> tampered = new HashMap<>(got.params());
            tampered.put("Body", "REFUSE 482913");
            assertThat(validator.validate(got.url(), tampered, got.signature())).isFalse();
            assertThat(validator.validate(got.url(), got.params(), "AAAA" + got.signature().substring(4)))
                    .isFalse();
        }

        @Test
        void the_reply_form_api_answers_the_webhook_status() throws Exception {
            receiver.answer(403);

            final HttpResponse<String> response = postJson(
                    "/phone/api/reply", "{\"from\":\"" + HANDSET + "\",\"to\":\"" + TWILIO_NUMBER + "\",\"body\":\"hi\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Http.JSON.readTree(response.body()).get("webhookStatus").asInt()).isEqualTo(403);
            assertThat(standIn.conversation(HANDSET)).singleElement().satisfies(m -> {
                assertThat(m.direction()).isEqualTo(SmsMessage.INBOUND);
                assertThat(m.status()).isEqualTo("received");
            });
        }

        @Test
        void the_reply_form_api_refuses_bad_json_and_a_missing_webhook() throws Exception {
            assertThat(postJson("/phone/api/reply", "{not json").statusCode()).isEqualTo(400);
            assertThat(postJson("/phone/api/reply", "{\"from\":\"" + HANDSET + "\"}").statusCode()).isEqualTo(400);

            standIn.inboundWebhook(null);

            assertThat(postJson("/phone/api/reply", "{\"from\":\"a\",\"to\":\"b\",\"body\":\"c\"}").statusCode())
                    .isEqualTo(409);
        }
    }

    @Nested
    class Phone_page {
        @Test
        void serves_a_self_contained_page() throws Exception {
            final HttpResponse<String> page = get("/phone");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("<form id=\"reply\"").doesNotContain("https://");
        }

        @Test
        void carries_the_browser_tests_ids() throws Exception {
            final String page = get("/phone").body();

            // phone-number and sms-message are set by the page's script on each list entry and incoming text
            assertThat(page).contains("data-testid=\"reply-text\"", "data-testid=\"reply-send\"",
                    "dataset.testid = \"phone-number\"", "dataset.number", "dataset.testid = \"sms-message\"",
                    "dataset.to");
        }

        @Test
        void counts_the_texts_each_handset_received() throws Exception {
            send(HANDSET, "Codul: 123456");
            send(HANDSET, "Codul: 654321");

            final JsonNode numbers = Http.JSON.readTree(get("/phone/api/numbers").body());

            assertThat(numbers.get(0).get("messages").asInt()).isEqualTo(2);
            assertThat(numbers.get(0).get("received").asInt()).isEqualTo(2);
        }

        @Test
        void lists_a_handsets_messages_as_json() throws Exception {
            send(HANDSET, "Codul: 123456");

            final JsonNode messages = Http.JSON.readTree(get("/phone/api/messages?number=%2B40712345678").body());
            final JsonNode numbers = Http.JSON.readTree(get("/phone/api/numbers").body());

            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).get("body").asText()).isEqualTo("Codul: 123456");
            assertThat(messages.get(0).get("from").asText()).isEqualTo(TWILIO_NUMBER);
            assertThat(numbers.get(0).get("number").asText()).isEqualTo(HANDSET);
            assertThat(get("/phone/api/messages").statusCode()).isEqualTo(400);
        }
    }

    private HttpResponse<String> get(final String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(final String path, final String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(final String path, final String form, final String user, final String password)
            throws Exception {
        final String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
                                .header("Authorization", "Basic " + auth)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
