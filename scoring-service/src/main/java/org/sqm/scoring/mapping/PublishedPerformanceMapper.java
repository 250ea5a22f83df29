package org.sqm.scoring.mapping;

import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceResponse;
import org.sqm.proto.scoring.v1.PerformancePublication;
import org.sqm.scoring.service.PerformancePublishing.Listing;
import org.sqm.scoring.service.PublishedPerformanceStore.Publication;

/** A period's publication and a page of its rows as the contract's messages. */
public final class PublishedPerformanceMapper {

    private PublishedPerformanceMapper() {}

    public static PerformancePublication publication(Publication p) {
        return PerformancePublication.newBuilder()
                .setPeriod(p.period())
                .setPublishTime(ProtoTime.timestamp(p.publishTime()))
                .setActor(p.actor())
                .setUnitCount(p.unitCount())
                .setFingerprint(p.fingerprint())
                .build();
    }

    public static ListPublishedPerformanceResponse page(Listing listing) {
        return ListPublishedPerformanceResponse.newBuilder()
                .setPublication(publication(listing.publication()))
                .addAllRows(listing.rows())
                .setNextPageToken(listing.nextPageToken())
                .build();
    }
}
