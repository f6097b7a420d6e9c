package org.sagebionetworks.accessrecords.replay;

import static org.sagebionetworks.accessrecords.toolsupport.KafkaCalls.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** The active members of a consumer group: a version's app is running while its group has any. */
final class GroupMembers {

    private final Admin admin;
    private final Duration timeout;

    GroupMembers(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    List<MemberDescription> of(String group) {
        try {
            return List.copyOf(
                    await(admin.describeConsumerGroups(List.of(group)).all(), "describe the group " + group, timeout)
                            .get(group)
                            .members());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of(); // Kafka 4 brokers say so for a group that never existed; 3.x ones describe it as Dead
            }
            throw e;
        }
    }

    /** The members' hosts, for a message that says where the app runs. */
    static String hosts(List<MemberDescription> members) {
        return members.stream().map(MemberDescription::host).distinct().sorted().collect(Collectors.joining(", "));
    }
}
