package org.cpor.poe;

import java.io.IOException;
import java.net.URI;
import org.cpor.identity.Callers;
import org.cpor.idempotency.Idempotent;
import org.cpor.web.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/poe")
class PoeController {

  private final PoeFiles files;
  private final Callers callers;

  PoeController(PoeFiles files, Callers callers) {
    this.files = files;
    this.callers = callers;
  }

  @Idempotent
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<PoeFile> upload(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    if (file == null) {
      throw new InvalidInputException("file", "is required: send the file as the multipart part named file");
    }
    PoeFile stored = files.upload(callers.current(), file.getOriginalFilename(), file.getBytes());
    return ResponseEntity.created(URI.create("/api/poe/" + stored.id())).body(stored);
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> download(@PathVariable String id) {
    PoeFiles.Download download = files.download(callers.current(), id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.file().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(download.file().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(download.content());
  }
}
