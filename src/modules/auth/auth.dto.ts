import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiPropertyOptional({ example: 'admin@example.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+998901234567', description: 'Migrants log in with their phone' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  password?: string;

  @ApiPropertyOptional({ description: 'Access code given at a fair kiosk (with phone)', example: 'K7M2QX' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{4,12}$/)
  accessCode?: string;
}

export class TokenDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ example: 28800 }) expiresIn: number;
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['admin', 'staff', 'employer', 'migrant', 'kiosk', 'legal_adviser'] }) role: string;
  @ApiPropertyOptional() displayName?: string;
  @ApiPropertyOptional() email?: string | null;
  @ApiPropertyOptional() phone?: string | null;
  @ApiPropertyOptional() employerId?: string | null;
  @ApiPropertyOptional() migrantId?: string | null;
  @ApiPropertyOptional() fairId?: string;
}

export class CreateStaffDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 10 }) @IsString() @Length(10, 200) password: string;
  @ApiProperty() @IsString() @Length(1, 200) displayName: string;
  @ApiPropertyOptional({ enum: ['staff', 'admin'], default: 'staff' })
  @IsOptional()
  @Matches(/^(staff|admin)$/)
  role?: 'staff' | 'admin';
}

export class StaffCreatedDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() role: string;
}

export class ChangePasswordDto {
  @ApiProperty({ minLength: 8, maxLength: 200 }) @IsString() @Length(8, 200) password: string;

  @ApiPropertyOptional({ description: 'Required when the account has a password already' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  currentPassword?: string;
}
