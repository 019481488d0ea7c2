package org.cpor.poe;

/** A file as it arrived in a multipart request. */
public record Upload(String fileName, byte[] content) {}
