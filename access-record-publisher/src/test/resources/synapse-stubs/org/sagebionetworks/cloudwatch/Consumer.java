package org.sagebionetworks.cloudwatch;

import java.util.List;

/** Synapse's buffer of CloudWatch metric data, put to CloudWatch every minute (signatures only). */
public class Consumer {
    public void addProfileData(ProfileData profileData) {}

    public void addProfileData(List<ProfileData> profileData) {}
}
