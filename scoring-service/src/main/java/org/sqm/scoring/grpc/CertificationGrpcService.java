package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.auth.Actors;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationServiceGrpc;
import org.sqm.proto.scoring.v1.GetCertificationRequest;
import org.sqm.proto.scoring.v1.ListCertificationsRequest;
import org.sqm.proto.scoring.v1.ListCertificationsResponse;
import org.sqm.proto.scoring.v1.ReinstateCertificationRequest;
import org.sqm.proto.scoring.v1.SuspendCertificationRequest;
import org.sqm.scoring.mapping.CertificationMapper;
import org.sqm.scoring.service.CallerUnits;
import org.sqm.scoring.service.Certifications;

/** The gRPC face of {@link Certifications}; database work runs on worker threads. */
@GrpcService
@Blocking
public class CertificationGrpcService extends CertificationServiceGrpc.CertificationServiceImplBase {

    private final Certifications certifications;
    private final CallerUnits units;

    public CertificationGrpcService(Certifications certifications, CallerUnits units) {
        this.units = units;
        this.certifications = certifications;
    }

    @Override
    public void getCertification(GetCertificationRequest request, StreamObserver<Certification> response) {
        units.resolve();
        reply(response, CertificationMapper.toProto(certifications.get(request.getId())));
    }

    @Override
    public void listCertifications(
            ListCertificationsRequest request, StreamObserver<ListCertificationsResponse> response) {
        units.resolve();
        reply(
                response,
                CertificationMapper.toProto(certifications.list(
                        request.getPageSize(), request.getPageToken(), CertificationMapper.toFilter(request))));
    }

    @Override
    public void suspendCertification(SuspendCertificationRequest request, StreamObserver<Certification> response) {
        reply(
                response,
                CertificationMapper.toProto(certifications.suspend(
                        request.getId(), request.getEtag(), request.getReason(), Actors.of(request.getActor()))));
    }

    @Override
    public void reinstateCertification(ReinstateCertificationRequest request, StreamObserver<Certification> response) {
        reply(
                response,
                CertificationMapper.toProto(certifications.reinstate(
                        request.getId(), request.getEtag(), request.getReason(), Actors.of(request.getActor()))));
    }
}
