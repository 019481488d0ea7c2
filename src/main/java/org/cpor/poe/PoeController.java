package org.cpor.poe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import org.cpor.idempotency.Idempotent;
import org.cpor.identity.Callers;
import org.cpor.web.ApiDocs;
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
@Tag(name = ApiDocs.PARTNER)
class PoeController {

  private final PoeFiles files;
  private final Callers callers;

  PoeController(PoeFiles files, Callers callers) {
    this.files = files;
    this.callers = callers;
  }

  @Operation(summary = "Upload one proof-of-execution file (PDF, PNG, JPEG or DOCX, at most 10 MB) to name in a claim")
  @ApiResponse(responseCode = "201", description = "Stored: its id, file name, content type, size and SHA-256")
  @ApiResponse(responseCode = "400", description = "no multipart part named `file`, an empty file or one without a name")
  @ApiResponse(responseCode = "403", description = "the caller is not an Incentives admin of a partner organisation")
  @ApiResponse(responseCode = "413", description = "the file is over 10 MB")
  @ApiResponse(responseCode = "415", description = "the file is not PDF, PNG, JPEG or DOCX (its content decides), or the "
      + "request is not multipart/form-data")
  @Idempotent
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<PoeFile> upload(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    if (file == null) {
      throw new InvalidInputException("file", "is required: send the file as the multipart part named file");
    }
    PoeFile stored = files.upload(callers.current(), file.getOriginalFilename(), file.getBytes());
    return ResponseEntity.created(URI.create("/api/poe/" + stored.id())).body(stored);
  }

  @Operation(summary = "Download a proof-of-execution file (its organisation, validators, auditors, administrators)")
  @ApiResponse(responseCode = "200", description = "The file's bytes with its content type",
      content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "404", description = "no such file, or another organisation's")
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
