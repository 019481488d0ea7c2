package org.cpor.poe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cpor.identity.Caller;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.cpor.web.ConflictException;
import org.cpor.web.FieldError;
import org.cpor.web.ForbiddenException;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Limits;
import org.cpor.web.NotFoundException;
import org.cpor.web.PayloadTooLargeException;
import org.cpor.web.UnsupportedTypeException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proof-of-execution files: uploaded by an organisation's Incentives admins, attached to a claim (at submission,
 * with an answer or a dispute), read by the organisation, validators and auditors; every download is recorded.
 */
@Service
public class PoeFiles {

  private final PoeStore store;
  private final ClaimTimeline timeline;
  private final Clock clock;

  PoeFiles(PoeStore store, ClaimTimeline timeline, Clock clock) {
    this.store = store;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** One file through {@code POST /api/poe}: every check before the store is asked for a connection. */
  public PoeFile upload(Caller caller, String fileName, byte[] content) {
    Checked file = check(caller, fileName, content);
    store.insert(file.file(), file.content());
    return file.file();
  }

  /**
   * Stores files that arrived with a claim, an answer or a dispute, in the caller's transaction; answers their IDs.
   * Every file is checked before the first is stored.
   */
  @Transactional
  public List<String> uploadAll(Caller caller, List<Upload> uploads) {
    if (uploads.size() > Limits.POE_FILES) {
      throw new InvalidInputException("poe", "at most " + Limits.POE_FILES + " proof-of-execution files at once (there are "
          + uploads.size() + ")");
    }
    List<Checked> files = uploads.stream().map(upload -> check(caller, upload.fileName(), upload.content())).toList();
    files.forEach(file -> store.insert(file.file(), file.content()));
    return files.stream().map(file -> file.file().id()).toList();
  }

  private record Checked(PoeFile file, byte[] content) {}

  private Checked check(Caller caller, String fileName, byte[] content) {
    if (!caller.isIncentivesAdmin()) {
      throw new ForbiddenException("Only an Incentives admin of a partner organisation may upload proof of execution");
    }
    String name = FileNames.normalise(fileName);
    if (name.isEmpty()) {
      throw new InvalidInputException("file", "needs a file name");
    }
    if (content.length > Limits.POE_FILE_BYTES) {
      throw new PayloadTooLargeException(name + " has " + content.length + " bytes; a proof-of-execution file may have at most 10 MB");
    }
    if (content.length == 0) {
      throw new InvalidInputException("file", name + " is empty");
    }
    String type = PoeTypes.detect(name, content).orElseThrow(() -> new UnsupportedTypeException(
        name + " is not a PDF, PNG, JPEG or DOCX file (its content decides, not only its name)"));
    return new Checked(new PoeFile(UUID.randomUUID().toString(), name, type, content.length, sha256(content),
        caller.organisation().orElseThrow().id(), null, clock.instant(), caller.userId()), content);
  }

  /** What is wrong with attaching these files to a claim of the organisation (each bad ID named); one query. */
  public List<FieldError> checkAttachable(List<String> ids, String organisationId, String field) {
    List<FieldError> errors = new ArrayList<>();
    List<String> listed = ids == null ? List.of() : ids;
    Map<String, PoeFile> files = store.findAll(listed.stream().filter(Objects::nonNull).toList());
    Set<String> seen = new HashSet<>();
    for (String id : listed) {
      PoeFile file = id == null ? null : files.get(id);
      if (file == null || !file.organisationId().equals(organisationId)) {
        errors.add(new FieldError(field, "unknown proof-of-execution file " + id));
      } else if (!seen.add(id)) {
        errors.add(new FieldError(field, file.fileName() + " (" + id + ") is listed twice"));
      } else if (file.claimId() != null) {
        errors.add(new FieldError(field, file.fileName() + " (" + id + ") is already attached to a claim"));
      }
    }
    return errors;
  }

  /** Attaches checked files to a claim, and to the answer or dispute that brought them; one update for all. */
  @Transactional
  public void attach(List<String> ids, String claimId, Long informationRequestId, Long disputeId, String actor) {
    if (ids == null || ids.isEmpty()) {
      return;
    }
    // checked unattached before; a submission of the organisation that attached one of them since (for another
    // tenant it does not wait for this one) keeps it, and this one is refused
    if (store.link(ids, claimId, informationRequestId, disputeId) != Set.copyOf(ids).size()) {
      throw new ConflictException("A proof-of-execution file was attached to another claim at the same moment: "
          + "upload it again for this claim");
    }
    Map<String, PoeFile> files = store.findAll(ids);
    for (String id : ids) {
      PoeFile file = files.get(id);
      timeline.record(claimId, new TimelineEvent(clock.instant(), actor, "POE_ATTACHED",
          file.fileName() + " (" + file.contentType() + ", " + file.size() + " bytes, sha256 " + file.sha256() + ")"));
    }
  }

  /**
   * The caller's organisation's files among these IDs that are not attached to a claim yet, in the order given: what a
   * form may carry over to its next submission. Any other ID is dropped, so a form never shows another's file.
   */
  public List<PoeFile> unattached(List<String> ids, Caller caller) {
    String organisationId = caller.organisation().map(o -> o.id()).orElse(null);
    if (ids == null || ids.isEmpty() || organisationId == null) {
      return List.of();
    }
    Map<String, PoeFile> files = store.findAll(ids.stream().filter(Objects::nonNull).distinct().limit(Limits.POE_FILES).toList());
    return ids.stream().distinct().map(files::get)
        .filter(f -> f != null && f.claimId() == null && organisationId.equals(f.organisationId())).toList();
  }

  public List<PoeFile> ofClaim(String claimId) {
    return store.ofClaim(claimId);
  }

  /** The files of each of these claims (a claim without files is absent). */
  public Map<String, List<PoeFile>> ofClaims(java.util.Collection<String> claimIds) {
    return store.ofClaims(claimIds);
  }

  record Download(PoeFile file, byte[] content) {}

  /** The file for its organisation, validators and auditors; nobody else learns that it exists. */
  @Transactional
  Download download(Caller caller, String id) {
    PoeFile file = store.find(id).filter(f -> caller.canRead(f.organisationId()))
        .orElseThrow(() -> new NotFoundException("No proof-of-execution file " + id));
    if (file.claimId() != null) {
      timeline.record(file.claimId(), new TimelineEvent(clock.instant(), caller.userId(), "POE_DOWNLOADED", file.fileName()));
    }
    return new Download(file, store.content(id));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
