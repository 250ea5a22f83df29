package org.sqm.scoring.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import java.util.ArrayList;
import java.util.List;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.AccessProto;

/**
 * Serves a service whose .proto is not ours (google.longrunning.Operations) with an access rule on
 * every method: the same service, its methods' descriptors rebuilt from a copy of its file with
 * {@code (sqm.common.v1.access)} set, so commons' lock reads the rule as from one of our protos.
 */
final class ForeignMethodAccess {

    private ForeignMethodAccess() {}

    /** The definition with every method carrying the rule. */
    static ServerServiceDefinition withAccess(ServerServiceDefinition definition, Access access) {
        ServiceDescriptor original = definition.getServiceDescriptor();
        if (!(original.getSchemaDescriptor() instanceof ProtoServiceDescriptorSupplier supplier)) {
            throw new IllegalStateException(original.getName() + " has no proto descriptor");
        }
        Descriptors.FileDescriptor file = supplier.getFileDescriptor();
        FileDescriptorProto.Builder copy = file.toProto().toBuilder();
        for (ServiceDescriptorProto.Builder service : copy.getServiceBuilderList()) {
            for (MethodDescriptorProto.Builder method : service.getMethodBuilderList()) {
                method.getOptionsBuilder().setExtension(AccessProto.access, access);
            }
        }
        Descriptors.FileDescriptor ruled;
        try {
            ruled = Descriptors.FileDescriptor.buildFrom(
                    copy.build(), file.getDependencies().toArray(new Descriptors.FileDescriptor[0]));
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("cannot rebuild " + file.getName(), e);
        }
        Descriptors.ServiceDescriptor service =
                ruled.findServiceByName(supplier.getServiceDescriptor().getName());
        ServiceDescriptor.Builder descriptor =
                ServiceDescriptor.newBuilder(original.getName()).setSchemaDescriptor(new ServiceSchema(ruled, service));
        List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
        for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
            methods.add(rebind(
                    method,
                    new MethodSchema(
                            ruled,
                            service,
                            service.findMethodByName(
                                    method.getMethodDescriptor().getBareMethodName()))));
        }
        methods.forEach(m -> descriptor.addMethod(m.getMethodDescriptor()));
        ServerServiceDefinition.Builder built = ServerServiceDefinition.builder(descriptor.build());
        for (ServerMethodDefinition<?, ?> method : methods) {
            built.addMethod(method);
        }
        return built.build();
    }

    private static <Q, R> ServerMethodDefinition<Q, R> rebind(
            ServerMethodDefinition<Q, R> method, MethodSchema schema) {
        MethodDescriptor<Q, R> descriptor = method.getMethodDescriptor().toBuilder()
                .setSchemaDescriptor(schema)
                .build();
        return ServerMethodDefinition.create(descriptor, method.getServerCallHandler());
    }

    private record ServiceSchema(Descriptors.FileDescriptor file, Descriptors.ServiceDescriptor service)
            implements ProtoServiceDescriptorSupplier {

        @Override
        public Descriptors.FileDescriptor getFileDescriptor() {
            return file;
        }

        @Override
        public Descriptors.ServiceDescriptor getServiceDescriptor() {
            return service;
        }
    }

    private record MethodSchema(
            Descriptors.FileDescriptor file, Descriptors.ServiceDescriptor service, Descriptors.MethodDescriptor method)
            implements ProtoMethodDescriptorSupplier {

        @Override
        public Descriptors.FileDescriptor getFileDescriptor() {
            return file;
        }

        @Override
        public Descriptors.ServiceDescriptor getServiceDescriptor() {
            return service;
        }

        @Override
        public Descriptors.MethodDescriptor getMethodDescriptor() {
            return method;
        }
    }
}
