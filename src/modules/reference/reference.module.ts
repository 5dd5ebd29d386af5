import { Module } from '@nestjs/common';
import { ReferenceController } from 'src/modules/reference/reference.controller';

@Module({ controllers: [ReferenceController] })
export class ReferenceModule {}
