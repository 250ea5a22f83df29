package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One customer's answer to a satisfaction survey, with its score on 0-100. */
@Entity
@Table(name = "survey_response")
public class SurveyResponseEntity extends BatchItemEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CustomerSegment segment;

    @Column(name = "response_date", nullable = false)
    public LocalDate responseDate;

    /** The score on the batch's declared scale. */
    @Column(nullable = false)
    public double score;

    /** (score - min) / (max - min) x 100, so that surveys on different scales average together. */
    @Column(nullable = false)
    public double normalised;
}
