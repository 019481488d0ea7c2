package org.cpor.calendar;

import java.time.LocalDate;

record Holiday(LocalDate date, String name) {}
