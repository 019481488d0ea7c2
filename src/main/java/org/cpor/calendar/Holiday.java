package org.cpor.calendar;

import java.time.LocalDate;

public record Holiday(LocalDate date, String name) {}
