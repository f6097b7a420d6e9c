package org.sagebionetworks.schema.adapter;

public interface JSONEntity {}
