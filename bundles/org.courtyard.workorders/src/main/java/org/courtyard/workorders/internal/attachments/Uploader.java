package org.courtyard.workorders.internal.attachments;

/**
 * Who adds a file: a staff member (their user id, or -1 for the company's token or an API key) or a
 * resident (their person id), who may add photos to the order and to the steps they took themselves
 * only.
 */
public record Uploader(boolean resident, long id) {

  String kind() {
    return resident ? "resident" : "staff";
  }
}
